# sys.getswitchinterval and sys.setswitchinterval: 5 ms by default, kept in whole microseconds, errors for bad values
import sys

print(sys.getswitchinterval())
sys.setswitchinterval(0.001)
print(sys.getswitchinterval())
sys.setswitchinterval(0.0123456789)
print(sys.getswitchinterval())
sys.setswitchinterval(2)
print(sys.getswitchinterval())
sys.setswitchinterval(True)
print(sys.getswitchinterval())
for bad in [0, -1.5, "fast", None]:
    try:
        sys.setswitchinterval(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(sys.getswitchinterval())
try:
    sys.getswitchinterval(1)
except TypeError as e:
    print("TypeError", e)
sys.setswitchinterval(0.005)
print(sys.getswitchinterval())
