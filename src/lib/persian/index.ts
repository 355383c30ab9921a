export * from './digits'
export * from './jalali'
