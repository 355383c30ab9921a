import { notFound } from 'next/navigation'

/** Any address no other route claims gets the site's Persian 404 page, inside the site's layout. */
export default function Missing(): never {
  notFound()
}
