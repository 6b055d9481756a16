# class and module __annotations__ collect `name: type` declarations, with or without a value
count: int = 0
label: str
print(__annotations__)
class Point:
    x: float
    y: float = 0.0
    tags: list = []
    def norm(self) -> float:
        return 0.0
print(Point.__annotations__, hasattr(Point, "x"), Point.y)
class Empty:
    pass
print(getattr(Empty, "__annotations__", "none"))
class Sub(Point):
    pass
print(Sub.__annotations__, Point.__annotations__ is Point.__annotations__)
