# textwrap.shorten and max_lines with a placeholder
import textwrap
s = "Hello  world!   This is a rather long sentence for shortening."
for w in (12, 20, 30, 100):
    print(repr(textwrap.shorten(s, w)))
print(textwrap.shorten(s, 25, placeholder="..."))
print(textwrap.wrap(s, 15, max_lines=2), textwrap.fill(s, 20, max_lines=3, placeholder=" (more)"))
try:
    textwrap.shorten(s, 3)
except ValueError as e:
    print("ValueError", e)
try:
    textwrap.wrap(s, 0)
except ValueError as e:
    print("ValueError", e)
