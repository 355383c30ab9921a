import { archiveRoute } from '@/app/(frontend)/archiveRoute'

export const revalidate = 3600

const route = archiveRoute('news')
export const generateMetadata = route.generateMetadata
export default route.Page
