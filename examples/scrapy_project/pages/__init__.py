"""Example Scrapy project: crawl the pages a start page links to and clean each one with cleaner."""
