import functools


@functools.lru_cache(maxsize=None)
@staticmethod
def cached(x):
    return x


class Base:
    pass


class Child(Base, metaclass=type, **{}):
    attr: int = 3
    other: str

    @property
    def value(self):
        return self.attr

    async def run(self):
        await self.other
