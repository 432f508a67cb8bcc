"""The steps of cleaning a scraped article, each keeping a map back to the original offsets."""
