# textwrap: long words broken or kept (break_long_words), hyphenated words (break_on_hyphens)
import textwrap
s = "supercalifragilisticexpialidocious is a long-winded, well-known word in a self-explanatory text"
print(textwrap.wrap(s, 12))
print(textwrap.wrap(s, 12, break_long_words=False))
print(textwrap.wrap(s, 12, break_on_hyphens=False))
print(textwrap.wrap("a-b-c-d-e-f-g-h-i-j-k", 5), textwrap.wrap("x" * 25, 10))
