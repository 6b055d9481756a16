# match: keyword sub-patterns match attributes by name; a missing attribute means no match.
class User:
    def __init__(self, name, role=None):
        self.name = name
        if role is not None:
            self.role = role
def f(u):
    match u:
        case User(role="admin", name=n):
            return f"admin {n}"
        case User(role=r):
            return f"{r} user"
        case User(name=n):
            return f"{n} without a role"
print(f(User("ann", "admin")))
print(f(User("bob", "guest")))
print(f(User("cid")))
