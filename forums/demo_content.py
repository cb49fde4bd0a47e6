"""Demo forum records written in further languages (see forums/demo.py, which applies these after the English data)."""

# forum slug -> {language: {"title": ...}}
FORUM_TEXTS = {
    "dushanbe-2017": {
        "ru": {
            "title": (
                "Первый региональный форум НПО: содействие трансграничному сотрудничеству организаций гражданского "
                "общества Афганистана и соседних с ним стран в целях противодействия торговле людьми"
            ),
        },
        "fa": {
            "title": (
                "نخستین مجمع منطقه‌ای نهادهای غیردولتی: گسترش همکاری فرامرزی میان نهادهای جامعه مدنی افغانستان و "
                "کشورهای همسایه آن به منظور مبارزه با قاچاق انسان"
            ),
        },
        "tg": {
            "title": (
                "Якумин форуми минтақавии ташкилотҳои ғайридавлатӣ: густариши ҳамкории фаромарзии ташкилотҳои "
                "ҷомеаи шаҳрвандии Афғонистон ва кишварҳои ҳамсояи он барои муқовимат ба савдои одамон"
            ),
        },
        "uz": {
            "title": (
                "NNTlarning birinchi mintaqaviy forumi: odam savdosiga qarshi kurashish maqsadida Afgʻoniston va "
                "unga qoʻshni mamlakatlar fuqarolik jamiyati tashkilotlari oʻrtasida transchegaraviy hamkorlikni "
                "rivojlantirish"
            ),
        },
    },
    "kabul-government-forum-2017": {
        "ru": {"title": "Региональный правительственный форум по противодействию торговле людьми"},
        "fa": {"title": "مجمع منطقه‌ای حکومتی در زمینه مبارزه با قاچاق انسان"},
    },
}
