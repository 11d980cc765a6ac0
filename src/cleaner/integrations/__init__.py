"""Run cleaner inside other frameworks: a Scrapy item pipeline (`cleaner[scrapy]`), Dask batches (`cleaner[dask]`)."""
