import { archiveRoute } from '@/lib/listRoutes'

export const revalidate = 3600

const route = archiveRoute('news')
export const generateMetadata = route.generateMetadata
export default route.Page
