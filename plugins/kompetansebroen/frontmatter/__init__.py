"""Front matter: splitting it from Markdown, reading YAML without surprises, typed fields."""
