# a generator cannot resume itself while running: ValueError "generator already executing"
def selfish():
    yield next(me)
me = selfish()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)
