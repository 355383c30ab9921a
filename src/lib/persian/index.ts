export * from './digits'
export * from './jalali'
export * from './normalize'
export * from './searchTerms'
