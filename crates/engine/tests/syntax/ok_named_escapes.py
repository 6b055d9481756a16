print("\N{GREEK SMALL LETTER ALPHA}\N{snowman}", f"\N{BULLET} {1}")
