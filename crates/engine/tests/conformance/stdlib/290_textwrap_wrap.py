# textwrap.wrap: lines of at most `width` characters, at several widths
import textwrap
text = "The quick brown fox jumps over the lazy dog. Pack my box with five dozen liquor jugs, then sleep."
for width in (10, 20, 35, 70, 200):
    print(width, textwrap.wrap(text, width))
print(textwrap.wrap(""), textwrap.wrap("   "), textwrap.wrap("one"))
