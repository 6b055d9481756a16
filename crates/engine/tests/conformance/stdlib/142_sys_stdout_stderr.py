# sys.stdout.write/flush and sys.stderr.write: write returns the number of characters
import sys
n = sys.stdout.write("no newline, ")
m = sys.stdout.write("then one\n")
sys.stdout.flush()
print(n, m)
k = sys.stderr.write("to stderr\n")
print(k, sys.stdout.write(""))
try:
    sys.stdout.write(42)
except TypeError as e:
    print("TypeError", e)
print("é€", file=sys.stdout)
print("error line", file=sys.stderr)
