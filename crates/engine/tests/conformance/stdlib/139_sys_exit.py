# sys.exit() raises SystemExit: catchable, with its code; uncaught, it ends the program quietly
import sys
for arg in ((), (0,), (3,), ("bye",), (None,)):
    try:
        sys.exit(*arg)
    except SystemExit as e:
        print(repr(e.code), e.args)
try:
    sys.exit(2)
finally:
    print("finally runs")
print("never printed")
