# textwrap.indent: prefix added to non-blank lines, or to the lines a predicate picks
import textwrap
s = "hello\n\n  world\n   \nend"
print(repr(textwrap.indent(s, "> ")))
print(repr(textwrap.indent(s, "+", lambda line: True)))
print(repr(textwrap.indent("a\r\nb\n", "..")), repr(textwrap.indent("", "x")))
