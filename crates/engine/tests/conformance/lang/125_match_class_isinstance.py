# match: a class pattern checks isinstance first, so subclasses match and unrelated types do not.
class Animal:
    pass
class Dog(Animal):
    sound = "woof"
class Cat(Animal):
    sound = "meow"
def f(a):
    match a:
        case Dog():
            return "a dog"
        case Animal(sound=s):
            return f"an animal saying {s}"
        case Animal():
            return "a silent animal"
        case object():
            return "something else"
for a in [Dog(), Cat(), Animal(), 3]:
    print(f(a))
