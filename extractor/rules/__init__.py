"""The rule layer: concepts as data (concepts.json), trap flags, key terms, advisory findings."""
