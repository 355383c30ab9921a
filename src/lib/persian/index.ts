export * from './digits'
export * from './jalali'
export * from './normalize'
