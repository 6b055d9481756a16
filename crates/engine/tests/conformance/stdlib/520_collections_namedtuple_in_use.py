# namedtuples sort, hash and work as dict keys like tuples.
from collections import namedtuple
Card = namedtuple("Card", "rank suit")
hand = [Card(10, "h"), Card(2, "s"), Card(10, "c")]
print(sorted(hand))
print({Card(1, "x"): "ace"}[Card(1, "x")], hash(Card(1, "x")) == hash((1, "x")))
print(max(hand, key=lambda c: c.rank))
