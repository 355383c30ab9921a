import { archiveRoute } from '@/app/(frontend)/archiveRoute'

export const revalidate = 3600
// Rendered on first request, then cached until content changes.
export const generateStaticParams = async () => []

const route = archiveRoute('category')
export const generateMetadata = route.generateMetadata
export default route.Page
