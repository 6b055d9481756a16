# textwrap.dedent: common leading whitespace removed; blank and whitespace-only lines normalised
import textwrap
print(repr(textwrap.dedent("""
    def f():
        return 1
    """)))
print(repr(textwrap.dedent("  a\n    b\n  c")), repr(textwrap.dedent("\ta\n\tb")), repr(textwrap.dedent("  a\n\tb")))
print(repr(textwrap.dedent("    x\n  \n      y\n")), repr(textwrap.dedent("no indent\n  here")), repr(textwrap.dedent("")))
