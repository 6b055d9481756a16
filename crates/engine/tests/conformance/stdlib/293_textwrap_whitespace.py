# textwrap: tabs expanded, newlines replaced, whitespace kept or dropped, sentence endings fixed
import textwrap
s = "first line\nsecond\tline  with   spaces\tand\ttabs"
print(textwrap.wrap(s, 15))
print(textwrap.wrap(s, 15, replace_whitespace=False, expand_tabs=False))
print(textwrap.wrap("  indented text here  ", 10, drop_whitespace=False))
print(textwrap.wrap("Hello there. How are you? I am fine.", 100, fix_sentence_endings=True))
print(textwrap.wrap("a\tb", 20, tabsize=4))
