import React from 'react'

import { ArticleCard, ArticleGrid } from '@/components/ArticleCard'
import { listArticles, listCategories } from '@/queries/content'
import { publicPath } from '@/lib/preview'
import { getSiteSettings } from '@/queries/siteSettings'

// Cached HTML, refreshed whenever content changes (see src/server/revalidate.ts) and hourly.
export const revalidate = 3600

const LATEST = 9

export default async function HomePage() {
  const [settings, latest, mostViewed, categories] = await Promise.all([
    getSiteSettings(),
    listArticles({ limit: LATEST }),
    listArticles({ limit: 5, sort: '-views' }),
    listCategories(),
  ])
  const [leadStory, ...rest] = latest.docs
  const blocks = await Promise.all(
    categories.map(async (category) => ({
      category,
      articles: (await listArticles({ where: { category: { equals: category.id } }, limit: 4 })).docs,
    })),
  )
  return (
    <div className="home">
      <div className="home__top">
        <section className="home__lead" aria-label="خبر اصلی">
          {leadStory ? (
            <ArticleCard article={leadStory} variant="lead" />
          ) : (
            <p className="empty">هنوز خبری منتشر نشده است.</p>
          )}
        </section>
        <aside className="home__aside">
          {mostViewed.docs.length > 0 && (
            <section className="card most-viewed" aria-labelledby="most-viewed-heading">
              <h2 id="most-viewed-heading">پربازدیدترین</h2>
              <ol>
                {mostViewed.docs.map((article) => (
                  <li key={article.id}>
                    <a href={publicPath('articles', article.slug)}>{article.title}</a>
                  </li>
                ))}
              </ol>
            </section>
          )}
          {settings.intro && (
            <section className="card">
              <h2>درباره ما</h2>
              <p>{settings.intro}</p>
            </section>
          )}
          <section className="card">
            <h2>ثبت شکایات</h2>
            <p>جهت ثبت انتقاد، پیشنهاد یا شکایت، پس از ورود به پنل کاربری از بخش «ارسال تیکت» اقدام کنید.</p>
          </section>
        </aside>
      </div>

      <section className="section" aria-labelledby="latest-heading">
        <h2 id="latest-heading" className="section__title">
          آخرین اخبار
        </h2>
        <ArticleGrid articles={rest.slice(0, LATEST - 1)} />
        {latest.totalDocs > LATEST && (
          <p className="more">
            <a href="/news">آرشیو اخبار</a>
          </p>
        )}
      </section>

      {blocks
        .filter((block) => block.articles.length > 0)
        .map(({ category, articles }) => (
          <section key={category.id} className="section" aria-label={category.title}>
            <h2 className="section__title">
              <a href={`/category/${encodeURIComponent(category.slug)}`}>{category.title}</a>
            </h2>
            <ArticleGrid articles={articles} />
          </section>
        ))}
    </div>
  )
}
