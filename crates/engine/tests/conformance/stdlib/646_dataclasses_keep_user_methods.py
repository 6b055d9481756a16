# Methods written in the class (e.g. __repr__) are kept; other methods work as usual.
from dataclasses import dataclass
@dataclass
class Money:
    amount: int
    currency: str = "EUR"
    def __repr__(self):
        return f"{self.amount} {self.currency}"
    def double(self):
        return Money(self.amount * 2, self.currency)
print(Money(5), Money(5).double(), [Money(1)])
