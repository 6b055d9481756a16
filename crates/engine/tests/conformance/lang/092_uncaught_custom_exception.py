# A user-defined exception escaping the program.
class InsufficientFunds(Exception):
    def __init__(self, needed):
        super().__init__(f"need {needed} more")
        self.needed = needed

balance = 10
for price in [3, 4, 5]:
    if price > balance:
        raise InsufficientFunds(price - balance)
    balance -= price
    print("bought for", price, "left", balance)
