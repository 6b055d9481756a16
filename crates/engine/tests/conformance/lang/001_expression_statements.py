# Expression statements: calls and bare expressions evaluated for their effects.
def shout(s):
    print(s.upper())
    return len(s)

shout("hello")
1 + 2
"a string on its own"
[shout(w) for w in ["ab", "cde"]]
print("done")
