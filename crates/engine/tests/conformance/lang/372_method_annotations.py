# methods keep annotations too; a class attribute annotation does not create the attribute
class Account:
    owner: str
    balance: float = 0.0
    def deposit(self, amount: float) -> "Account":
        self.balance += amount
        return self
    @staticmethod
    def fee(rate: float = 0.1) -> float:
        return rate
print(Account.deposit.__annotations__, Account.fee.__annotations__, Account.__annotations__)
a = Account().deposit(5)
print(a.balance, hasattr(a, "owner"), a.deposit.__annotations__ == Account.deposit.__annotations__)
Account.deposit.__annotations__["extra"] = int
print(list(Account.deposit.__annotations__))
