"""The cities of the region the map knows: where they are, and their names in the portal's languages.

Coordinates are the cities' well-known public positions (latitude, longitude, in degrees, to about a kilometre).
Every name (and the other spellings after it) also serves to recognize a city written in the directory in any
script: "Dushanbe", «Душанбе» and "Dushanbe city" are the same place (see members/geo/__init__.py).
A name missing in a language falls back as `FALLBACK` says, then to English.
"""

from typing import NamedTuple


class City(NamedTuple):
    """A city the map can place: its country's code, position and names by language."""

    country: str
    slug: str
    lat: float
    lon: float
    names: dict
    spellings: tuple = ()

    def name(self, language: str) -> str:
        for code in (language, *FALLBACK.get(language, ())):
            if code in self.names:
                return self.names[code]
        return self.names["en"]


# Where a language has no name of its own for a city: Pashto and Urdu readers read the Dari (Persian) one; Tajik
# readers the Russian one (both Cyrillic).
FALLBACK = {"ps": ("fa",), "ur": ("fa",), "tg": ("ru",)}


def _city(country, slug, lat, lon, en, ru, fa, local=None, *spellings):
    names = {"en": en, "ru": ru, "fa": fa, **(local or {})}
    return City(country, slug, lat, lon, names, spellings)


CITIES = [
    # Afghanistan
    _city("AF", "kabul", 34.53, 69.17, "Kabul", "Кабул", "کابل"),
    _city("AF", "herat", 34.35, 62.20, "Herat", "Герат", "هرات"),
    _city("AF", "mazar-i-sharif", 36.71, 67.11, "Mazar-i-Sharif", "Мазари-Шариф", "مزار شریف", None,
          "Mazar-e-Sharif", "Mazari Sharif", "Mazar"),
    _city("AF", "jalalabad", 34.43, 70.45, "Jalalabad", "Джелалабад", "جلال‌آباد", None, "Jalal-abad"),
    _city("AF", "kandahar", 31.61, 65.71, "Kandahar", "Кандагар", "قندهار"),
    _city("AF", "kunduz", 36.73, 68.86, "Kunduz", "Кундуз", "کندز"),
    _city("AF", "bamyan", 34.82, 67.83, "Bamyan", "Бамиан", "بامیان", None, "Bamiyan", "Bamian"),
    _city("AF", "fayzabad", 37.12, 70.58, "Fayzabad", "Файзабад", "فیض‌آباد", None, "Faizabad", "Feyzabad"),
    _city("AF", "ghazni", 33.55, 68.42, "Ghazni", "Газни", "غزنی"),
    _city("AF", "khost", 33.34, 69.92, "Khost", "Хост", "خوست"),
    _city("AF", "lashkar-gah", 31.59, 64.37, "Lashkar Gah", "Лашкаргах", "لشکرگاه"),
    _city("AF", "pul-e-khumri", 35.94, 68.71, "Pul-e Khumri", "Пули-Хумри", "پل خمری", None,
          "Pul-i-Khumri", "Puli Khumri"),
    _city("AF", "zaranj", 30.96, 61.86, "Zaranj", "Зарандж", "زرنج"),
    _city("AF", "maymana", 35.92, 64.78, "Maymana", "Меймене", "میمنه", None, "Maimana"),
    _city("AF", "sheberghan", 36.67, 65.75, "Sheberghan", "Шибирган", "شبرغان", None, "Shibirghan", "Shiberghan"),
    _city("AF", "gardez", 33.60, 69.23, "Gardez", "Гардез", "گردیز"),
    _city("AF", "taloqan", 36.74, 69.53, "Taloqan", "Талукан", "تالقان", None, "Taluqan"),
    _city("AF", "farah", 32.37, 62.11, "Farah", "Фарах", "فراه"),
    _city("AF", "charikar", 35.01, 69.17, "Charikar", "Чарикар", "چاریکار"),
    # Pakistan
    _city("PK", "islamabad", 33.69, 73.05, "Islamabad", "Исламабад", "اسلام‌آباد", {"ur": "اسلام آباد"}),
    _city("PK", "rawalpindi", 33.60, 73.05, "Rawalpindi", "Равалпинди", "راولپندی", {"ur": "راولپنڈی"}),
    _city("PK", "karachi", 24.86, 67.01, "Karachi", "Карачи", "کراچی"),
    _city("PK", "lahore", 31.55, 74.34, "Lahore", "Лахор", "لاهور", {"ur": "لاہور"}),
    _city("PK", "peshawar", 34.01, 71.58, "Peshawar", "Пешавар", "پشاور"),
    _city("PK", "quetta", 30.18, 66.98, "Quetta", "Кветта", "کویته", {"ur": "کوئٹہ"}),
    _city("PK", "multan", 30.20, 71.47, "Multan", "Мултан", "ملتان"),
    _city("PK", "faisalabad", 31.42, 73.08, "Faisalabad", "Фейсалабад", "فیصل‌آباد", {"ur": "فیصل آباد"}),
    _city("PK", "hyderabad", 25.40, 68.37, "Hyderabad", "Хайдарабад", "حیدرآباد"),
    _city("PK", "sialkot", 32.49, 74.53, "Sialkot", "Сиалкот", "سیالکوت", {"ur": "سیالکوٹ"}),
    _city("PK", "gujranwala", 32.16, 74.19, "Gujranwala", "Гуджранвала", "گوجرانواله", {"ur": "گوجرانوالہ"}),
    _city("PK", "sukkur", 27.71, 68.86, "Sukkur", "Суккур", "سکهر", {"ur": "سکھر"}),
    _city("PK", "gilgit", 35.92, 74.31, "Gilgit", "Гилгит", "گلگت"),
    _city("PK", "muzaffarabad", 34.37, 73.47, "Muzaffarabad", "Музаффарабад", "مظفرآباد"),
    _city("PK", "abbottabad", 34.15, 73.21, "Abbottabad", "Абботтабад", "ایبت‌آباد", {"ur": "ایبٹ آباد"}),
    _city("PK", "mardan", 34.20, 72.04, "Mardan", "Мардан", "مردان"),
    _city("PK", "mingora", 34.78, 72.36, "Mingora", "Мингора", "مینگوره", {"ur": "مینگورہ"}, "Swat"),
    _city("PK", "bahawalpur", 29.40, 71.68, "Bahawalpur", "Бахавалпур", "بهاولپور", {"ur": "بہاولپور"}),
    _city("PK", "gwadar", 25.12, 62.33, "Gwadar", "Гвадар", "گوادر"),
    _city("PK", "dera-ismail-khan", 31.83, 70.90, "Dera Ismail Khan", "Дера-Исмаил-Хан", "دیره اسماعیل خان",
          {"ur": "ڈیرہ اسماعیل خان"}, "D.I. Khan", "DI Khan"),
    # Tajikistan
    _city("TJ", "dushanbe", 38.56, 68.77, "Dushanbe", "Душанбе", "دوشنبه", {"tg": "Душанбе"}),
    _city("TJ", "khujand", 40.28, 69.62, "Khujand", "Худжанд", "خجند", {"tg": "Хуҷанд"}, "Khudjand", "Khodjent"),
    _city("TJ", "kulob", 37.91, 69.78, "Kulob", "Куляб", "کولاب", {"tg": "Кӯлоб"}, "Kulyab"),
    _city("TJ", "bokhtar", 37.84, 68.78, "Bokhtar", "Бохтар", "بختر", {"tg": "Бохтар"},
          "Qurghonteppa", "Qurghon-Teppa", "Kurgan-Tyube", "Kurgan-Tube", "Курган-Тюбе"),
    _city("TJ", "khorog", 37.49, 71.55, "Khorog", "Хорог", "خاروغ", {"tg": "Хоруғ"}, "Khorugh"),
    _city("TJ", "istaravshan", 39.91, 69.00, "Istaravshan", "Истаравшан", "استروشن", {"tg": "Истаравшан"},
          "Ura-Tyube"),
    _city("TJ", "panjakent", 39.50, 67.61, "Panjakent", "Пенджикент", "پنجکنت", {"tg": "Панҷакент"},
          "Penjikent", "Panjikent"),
    _city("TJ", "isfara", 40.13, 70.63, "Isfara", "Исфара", "اسفره", {"tg": "Исфара"}),
    _city("TJ", "tursunzoda", 38.51, 68.23, "Tursunzoda", "Турсунзаде", "تورسون‌زاده", {"tg": "Турсунзода"},
          "Tursunzade"),
    _city("TJ", "hisor", 38.53, 68.55, "Hisor", "Гиссар", "حصار", {"tg": "Ҳисор"}, "Hissar", "Gissar"),
    _city("TJ", "vahdat", 38.56, 69.01, "Vahdat", "Вахдат", "وحدت", {"tg": "Ваҳдат"}),
    _city("TJ", "konibodom", 40.29, 70.42, "Konibodom", "Канибадам", "کان‌بادام", {"tg": "Конибодом"}, "Kanibadam"),
    # Turkmenistan
    _city("TM", "ashgabat", 37.95, 58.38, "Ashgabat", "Ашхабад", "عشق‌آباد", {"tk": "Aşgabat"}, "Ashkhabad"),
    _city("TM", "mary", 37.60, 61.83, "Mary", "Мары", "مرو", {"tk": "Mary"}, "Merv"),
    _city("TM", "turkmenabat", 39.07, 63.58, "Turkmenabat", "Туркменабад", "ترکمن‌آباد", {"tk": "Türkmenabat"},
          "Turkmenabad", "Chardzhou", "Chardjou"),
    _city("TM", "dashoguz", 41.84, 59.97, "Dashoguz", "Дашогуз", "داش‌اغوز", {"tk": "Daşoguz"},
          "Dashhowuz", "Tashauz"),
    _city("TM", "turkmenbashi", 40.02, 52.96, "Turkmenbashi", "Туркменбаши", "ترکمن‌باشی", {"tk": "Türkmenbaşy"},
          "Krasnovodsk"),
    _city("TM", "balkanabat", 39.51, 54.37, "Balkanabat", "Балканабад", "بالکان‌آباد", {"tk": "Balkanabat"},
          "Nebit-Dag"),
    _city("TM", "tejen", 37.38, 60.51, "Tejen", "Теджен", "تجن", {"tk": "Tejen"}),
    _city("TM", "bayramaly", 37.62, 62.17, "Bayramaly", "Байрамали", "بایرام‌علی", {"tk": "Baýramaly"},
          "Bairamali"),
    _city("TM", "serdar", 38.98, 56.28, "Serdar", "Сердар", "سردار", {"tk": "Serdar"}, "Gyzylarbat", "Kizyl-Arvat"),
    # Uzbekistan
    _city("UZ", "tashkent", 41.30, 69.24, "Tashkent", "Ташкент", "تاشکند", {"uz": "Toshkent"}),
    _city("UZ", "samarkand", 39.65, 66.96, "Samarkand", "Самарканд", "سمرقند", {"uz": "Samarqand"}),
    _city("UZ", "bukhara", 39.77, 64.42, "Bukhara", "Бухара", "بخارا", {"uz": "Buxoro"}, "Bukhoro"),
    _city("UZ", "fergana", 40.38, 71.79, "Fergana", "Фергана", "فرغانه", {"uz": "Fargʻona"}, "Ferghana"),
    _city("UZ", "andijan", 40.78, 72.34, "Andijan", "Андижан", "اندیجان", {"uz": "Andijon"}),
    _city("UZ", "namangan", 41.00, 71.67, "Namangan", "Наманган", "نمنگان", {"uz": "Namangan"}),
    _city("UZ", "nukus", 42.46, 59.60, "Nukus", "Нукус", "نوکوس", {"uz": "Nukus"}, "Nokis"),
    _city("UZ", "termez", 37.22, 67.28, "Termez", "Термез", "ترمذ", {"uz": "Termiz"}),
    _city("UZ", "jizzakh", 40.12, 67.84, "Jizzakh", "Джизак", "جیزک", {"uz": "Jizzax"}, "Jizak", "Djizak"),
    _city("UZ", "karshi", 38.86, 65.79, "Karshi", "Карши", "قرشی", {"uz": "Qarshi"}),
    _city("UZ", "navoiy", 40.10, 65.38, "Navoiy", "Навои", "نوایی", {"uz": "Navoiy"}, "Navoi"),
    _city("UZ", "urgench", 41.55, 60.63, "Urgench", "Ургенч", "اورگنج", {"uz": "Urganch"}),
    _city("UZ", "gulistan", 40.49, 68.78, "Gulistan", "Гулистан", "گلستان", {"uz": "Guliston"}),
    _city("UZ", "kokand", 40.53, 70.94, "Kokand", "Коканд", "خوقند", {"uz": "Qoʻqon"}),
    _city("UZ", "khiva", 41.38, 60.36, "Khiva", "Хива", "خیوه", {"uz": "Xiva"}),
    _city("UZ", "chirchiq", 41.47, 69.58, "Chirchiq", "Чирчик", "چرچیق", {"uz": "Chirchiq"}, "Chirchik"),
    _city("UZ", "margilan", 40.47, 71.72, "Margilan", "Маргилан", "مرغینان", {"uz": "Margʻilon"}),
    _city("UZ", "angren", 41.02, 70.14, "Angren", "Ангрен", "آنگرن", {"uz": "Angren"}),
]
