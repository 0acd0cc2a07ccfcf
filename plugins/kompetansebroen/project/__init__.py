"""The project on disk: reading the content tree, validating it, and each region's view of it."""
