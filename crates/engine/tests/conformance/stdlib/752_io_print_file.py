# print(file=...) writes into a StringIO, honouring sep and end.
import io
buf = io.StringIO()
print("a", "b", 3, file=buf)
print("x", "y", sep="-", end="!\n", file=buf)
print(repr(buf.getvalue()))
