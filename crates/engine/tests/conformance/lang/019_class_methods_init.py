# A class with __init__, methods and instance attributes.
class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance

    def deposit(self, amount):
        self.balance += amount
        return self

    def withdraw(self, amount):
        if amount > self.balance:
            raise ValueError("insufficient funds")
        self.balance -= amount
        return self

    def describe(self):
        return f"{self.owner}: {self.balance}"

acct = Account("Ada")
acct.deposit(100).withdraw(30)
print(acct.describe())
try:
    acct.withdraw(1000)
except ValueError as e:
    print("error:", e)
other = Account("Bob", 5)
print(other.describe(), acct.balance)
print(Account.describe(other))
