# Members are hashable and usable as dict keys and in sets; they are not ordered.
from enum import Enum
class Suit(Enum):
    HEARTS = 1
    SPADES = 2
scores = {Suit.HEARTS: 10, Suit.SPADES: 20}
print(scores[Suit.SPADES], {Suit.HEARTS, Suit.HEARTS}, sorted(Suit, key=lambda s: s.value))
try:
    Suit.HEARTS < Suit.SPADES
except TypeError as e:
    print(e)
