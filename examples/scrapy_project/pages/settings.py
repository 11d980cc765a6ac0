"""Settings of the example project: the cleaner pipeline and its options."""

BOT_NAME = "pages"
SPIDER_MODULES = ["pages.spiders"]
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS_PER_DOMAIN = 8

ITEM_PIPELINES = {"cleaner.integrations.scrapy.CleanArticlePipeline": 300}
CLEANER_HTML_FIELD = "html"  # the item field holding the page (str or bytes); the item's `url` is passed on
CLEANER_OUTPUT_FIELDS = [
    "text",
    "title",
    "authors",
    "date",
    "url",
    "sitename",
    "description",
    "language",
    "tags",
    "image",
]
CLEANER_DISABLED_FILTERS: list[str] = []  # e.g. ["captions"]; names as in cleaner.Pipeline().names
CLEANER_DROP_EMPTY = True  # drop items whose page has no article text (DropItem with the reason)
CLEANER_MAX_WORKERS = 2  # cleaning processes; unset = one per CPU

FEED_EXPORT_FIELDS = CLEANER_OUTPUT_FIELDS  # leave the raw HTML out of the feed
FEED_EXPORT_ENCODING = "utf-8"
