try:
    x = 1 / 0
except ZeroDivisionError as e:
    print(e)
except (TypeError, ValueError):
    pass
except:
    raise
else:
    pass
finally:
    print("finally")

try:
    pass
finally:
    pass

try:
    raise ValueError("x") from None
except* ValueError as eg:
    pass
except* TypeError:
    pass
