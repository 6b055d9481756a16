# A StringIO used as a context manager is closed after the with; using it then raises ValueError.
import io
with io.StringIO() as s:
    s.write("data")
    print(s.getvalue(), s.closed)
print(s.closed)
try:
    s.getvalue()
except ValueError as e:
    print(e)
try:
    io.StringIO().write(5)
except TypeError as e:
    print(e)
