# logger.exception logs at ERROR with the traceback of the exception being handled.
import logging
logging.basicConfig(format="%(levelname)s:%(message)s")
def divide(a, b):
    return a / b
try:
    divide(1, 0)
except ZeroDivisionError:
    logging.exception("division failed")
print("after")
