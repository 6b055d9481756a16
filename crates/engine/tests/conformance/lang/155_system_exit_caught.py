# SystemExit is an ordinary exception until it escapes: its code and args,
# catching it, and the finally blocks it runs on its way out.
import sys

for args in [(), (4,), ("bye",), (1, 2)]:
    try:
        raise SystemExit(*args)
    except SystemExit as e:
        print(repr(e), e.code, e.args)

try:
    sys.exit()
except BaseException as e:
    print(type(e).__name__, e.code, isinstance(e, Exception))

try:
    try:
        sys.exit(0)
    finally:
        print("finally runs")
except SystemExit:
    print("caught after finally")


class Quit(SystemExit):
    pass


try:
    raise Quit(7)
except SystemExit as e:
    print(type(e).__name__, e.code)
raise Quit
