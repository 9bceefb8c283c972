"""Text layer: reading source files and giving them structure (lines, paragraphs, sentences)."""
