"""Run cleaner inside other frameworks: a Scrapy item pipeline (`cleaner[scrapy]`) and Dask batches (`cleaner[dask]`)."""
