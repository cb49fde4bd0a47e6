"""Demo content written in the network's languages: a few organizations' descriptions, services and national
networks, as their editors would write them (see members/demo.py, which applies these after the English data)."""

# Organization key (its acronym, as in members.demo.ORGANIZATIONS) -> the language the description was
# first written in ("original") and the description in each further language.
ORGANIZATION_DESCRIPTIONS = {
    "OFRD": {
        "original": "en",
        "fa": (
            "یکی از تدویرکنندگان مجامع منطقه‌ای. در سال ۲۰۱۶ تحقیقی را در زمینه مبارزه با قاچاق انسان انجام داد که "
            "موضوع آن چگونگی رساندن پیام‌های درست به مردم ساحات دوردست و اقشار آسیب‌پذیر با وجود سطح پایین سواد و "
            "ناامنی بود."
        ),
        "ps": (
            "د سیمه‌ییزو فورمونو له ګډو جوړوونکو څخه یو. په ۲۰۱۶ کال کې یې د انسانانو د قاچاق پر وړاندې د مبارزې "
            "په اړه یوه څېړنه وکړه چې موضوع یې دا وه چې د سواد د ټیټې کچې او ناامنۍ سره سره، د لرې پرتو سیمو خلکو "
            "او زیان منونکو ډلو ته سم پیغامونه څنګه ورسول شي."
        ),
    },
    "Hagar": {
        "original": "en",
        "fa": "در بخش حمایت پروژه مبارزه با قاچاق انسان فعالیت می‌کند: بهبودی و ادغام مجدد آسیب‌دیدگان.",
    },
    "AWSDC": {
        "original": "fa",
        "fa": (
            "این نهاد برای زنانی که در معرض خطر قاچاق انسان قرار دارند، زمینه انکشاف مهارت‌ها را فراهم می‌کند و از "
            "آنان حمایت می‌نماید."
        ),
        "ps": (
            "دا اداره هغو ښځو ته چې د انسانانو د قاچاق له خطر سره مخ دي، د مهارتونو د پراختیا زمینه برابروي او "
            "ملاتړ یې کوي."
        ),
    },
    "LHRLA": {
        "original": "en",
        "ur": (
            "انسانی اسمگلنگ کے خلاف قانونی امداد اور ایڈووکیسی؛ اسٹیئرنگ کمیٹی میں پاکستان کی نشست اسی تنظیم کے "
            "پاس ہے۔"
        ),
    },
    "Madina": {
        "original": "en",
        "ru": "Занимает место Таджикистана в руководящем комитете.",
        "tg": "Дар кумитаи роҳбарикунанда ҷойи Тоҷикистонро ишғол мекунад.",
    },
    "Khairkhohi Zamon": {
        "original": "ru",
        "tg": (
            "Ташкилоти ғайридавлатии Тоҷикистон, ки дар самти пешгирии савдои одамон ва рушди манбаъҳои даромади "
            "аҳолӣ фаъолият мекунад."
        ),
        "ru": (
            "НПО Таджикистана, работающая в сфере профилактики торговли людьми и развития источников дохода "
            "населения."
        ),
    },
    "Ynam": {
        "original": "en",
        "ru": (
            "Клуб «Ынам» много лет ведет бесплатную горячую линию по вопросам торговли людьми и участвовал в "
            "разработке Национального плана действий."
        ),
        "tk": (
            "«Ynam» kluby köp ýyllardan bäri adam söwdasy boýunça mugt ynam telefonyny işledip gelýär we "
            "Hereketleriň milli meýilnamasyny işläp taýýarlamaga gatnaşdy."
        ),
    },
    "Istiqlol Avlodi": {
        "original": "en",
        "uz": (
            "Faoliyatining asosini NNTlar va davlat organlari oʻrtasidagi yaqin hamkorlik tashkil etadi; boshqaruv "
            "qoʻmitasida Oʻzbekiston vakili hisoblanadi."
        ),
        "ru": (
            "В основе работы организации — тесное сотрудничество НПО и государственных органов; занимает место "
            "Узбекистана в руководящем комитете."
        ),
    },
}

# (organization key, English service name) -> {language: {"name": ..., "hours": ..., "description": ...}}
# (only the keys that have text)
SERVICE_TEXTS = {
    ("LHRLA", "Toll-free trafficking helpline 1098"): {
        "ur": {
            "name": "انسانی اسمگلنگ کی ٹول فری ہیلپ لائن 1098",
            "description": (
                "معیاری ٹول فری نمبر 1098، جسے دوشنبے میں منعقدہ فورم میں خطے کے لیے ایک بہترین طریقۂ کار کے طور "
                "پر پیش کیا گیا۔"
            ),
        },
    },
    ("Ynam", "Ynam trafficking hotline"): {
        "ru": {
            "name": "Горячая линия «Ынам» по вопросам торговли людьми",
            "description": (
                "Бесплатная горячая линия, которую много лет ведет клуб «Ынам»; закон 2017 года предусмотрел ее "
                "дополнительную поддержку. Демонстрационные данные: указан условный номер."
            ),
        },
        "tk": {
            "name": "«Ynam» adam söwdasy boýunça ynam telefony",
            "description": (
                "Köp ýyllardan bäri «Ynam» kluby tarapyndan işledilýän mugt ynam telefony; 2017-nji ýylyň kanunyna "
                "laýyklykda goşmaça goldaw alýar. Nusga maglumatlar: görkezilen telefon belgisi şertli."
            ),
        },
    },
    ("Enme", "Specialized shelter for victims of trafficking"): {
        "ru": {
            "name": "Специализированный приют для пострадавших от торговли людьми",
            "description": "Специализированный приют в Ашхабаде для пострадавших от торговли людьми.",
        },
        "tk": {
            "name": "Adam söwdasynyň pidalary üçin ýöriteleşdirilen gaçybatalga",
            "description": "Adam söwdasynyň pidalary üçin Aşgabatdaky ýöriteleşdirilen gaçybatalga.",
        },
    },
    ("Hagar", "Recovery and reintegration support"): {
        "fa": {
            "name": "حمایت برای بهبودی و ادغام مجدد",
        },
    },
}

# national network acronym -> {language: {"name": ..., "description": ...}}
NETWORK_TEXTS = {
    "ANCTIP": {
        "fa": {
            "name": "شبکه افغانستان برای مبارزه با قاچاق انسان",
            "description": (
                "این شبکه پس از نخستین مجمع منطقه‌ای توسط نهادهای غیردولتی افغانستان تشکیل شد و در ماه می سال ۲۰۱۸ "
                "به‌طور رسمی افتتاح گردید. دارالانشای کمیسیون عالی مبارزه با قاچاق انسان و قاچاق مهاجرین موافقه "
                "کرد که پس از تأسیس شبکه، با آن تفاهم‌نامه امضا کند."
            ),
        },
        "ps": {
            "name": "د انسانانو د قاچاق پر وړاندې د مبارزې لپاره د افغانستان شبکه",
            "description": (
                "دا شبکه له لومړي سیمه‌ییز فورم وروسته د افغانستان نادولتي ادارو جوړه کړه او د ۲۰۱۸ کال د مۍ په "
                "میاشت کې په رسمي توګه پرانیستل شوه. د انسانانو د قاچاق او د کډوالو د قاچاق پر وړاندې د مبارزې د "
                "عالي کمېسیون دارالانشا ومنله چې د شبکې له جوړېدو وروسته به ورسره تفاهم‌لیک لاسلیک کړي."
            ),
        },
    },
    "Umed": {
        "ru": {
            "name": "Сеть таджикских НПО по противодействию торговле людьми «Умед»",
            "description": (
                "Сеть таджикских НПО, занимающихся проблемой торговли людьми. Сеть создала координационный орган "
                "по противодействию торговле людьми."
            ),
        },
        "tg": {
            "name": "Шабакаи ташкилотҳои ғайридавлатии тоҷик оид ба муқовимат ба савдои одамон «Умед»",
            "description": (
                "Шабакаи ташкилотҳои ғайридавлатии тоҷик, ки оид ба масъалаи савдои одамон фаъолият мекунанд. "
                "Шабака мақоми ҳамоҳангсозро оид ба муқовимат ба савдои одамон таъсис дод."
            ),
        },
    },
}
