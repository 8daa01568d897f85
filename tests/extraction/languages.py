"""Per-language tables: sentences we wrote, each with the mentions it must give.

Shared by ``test_languages.py`` and the benchmark's per-language lines. Every
sentence is read as published on Saturday 19 November 2016. An expected
mention is "text=value"; "|" separates them; nothing after the tab means the
sentence holds no date (the traps: model numbers in every script, amounts,
names that are month words, number words that count no time, "mit" at a sentence's
end, a future verb in another clause than the date's, "رؤية 2030").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

PUBLISHED = date(2016, 11, 19)

_RAW = {
    "tr": """
Darbe girişimi 15 Temmuz 2016 gecesi yaşandı.\t15 Temmuz 2016=2016-07-15
Anlaşma 12 Eylül 2017'de imzalandı.\t12 Eylül 2017'de=2017-09-12
S-400 sistemleri 2019'da teslim edildi.\t2019'da=2019
Kasım ayında yeni bir ihale açıldı.\tKasım ayında=2016-11
Temmuz'da tatbikat yapıldı.\tTemmuz'da=2016-07
Geçen cuma bakan açıklama yaptı.\tGeçen cuma=2016-11-18
Bakan dün Ankara'da konuştu.\tdün=2016-11-18
Görüşmeler geçen yıl başladı.\tgeçen yıl=2015
Heyet 3 gün önce Moskova'ya gitti.\t3 gün önce=2016-11-16
Sözleşme Mart 2015'te iptal edildi.\tMart 2015'te=2015-03
Mart Yılmaz toplantıya katıldı.\t
Ahmet Mayıs dün konuştu.\tdün=2016-11-18
Sistem 400 kilometre menzile sahip.\t
FD-2000 teklifi 2013 yılında seçildi.\t2013 yılında=2013
Fiyatı 2000 dolar arttı.\t
Bu yıl bütçe arttı.\tBu yıl=2016
Karar yarın açıklanacak.\tyarın=2016-11-20
Tatbikat 1 Mayıs 2018'de başladı.\t1 Mayıs 2018'de=2018-05-01
Görüşme 29 Ekim'de yapıldı.\t29 Ekim'de=2016-10-29
Türkiye geçen ay yeni bir teklif aldı.\tgeçen ay=2016-10
Önümüzdeki cuma toplantı yapılacak.\tÖnümüzdeki cuma=2016-11-25
Sistem 2 hafta önce test edildi.\t2 hafta önce=2016-11-05
Ocak 2017'de teslimat bekleniyor.\tOcak 2017'de=2017-01
Model S-500 henüz satılmadı.\t
Bugün yeni bir açıklama bekleniyor.\tBugün=2016-11-19
Geçen hafta heyet Ankara'ya geldi.\tGeçen hafta=2016-11-07/2016-11-13
Anlaşma 2017 Aralık ayında imzalandı.\t2017 Aralık ayında=2017-12
Rakamlar 1.500 askeri kapsıyor.\t
Görüşmeler 2016 yılı sonunda hızlandı.\t2016 yılı=2016
Teslimat 10 Kasım 2016 tarihinde yapıldı.\t10 Kasım 2016=2016-11-10
Sözleşme Nisan'da imzalandı.\tNisan'da=2016-04
Patriot PAC-3 ve HQ-9 da değerlendirildi.\t
İki gemi iki hafta önce limana girdi.\tiki hafta önce=2016-11-05
Fabrika üç yıl önce kapandı.\tüç yıl önce=2013
Köprü 7-9 Aralık tarihlerinde kapalı olacak.\t7=2016-12-07|9 Aralık=2016-12-09
Bakan önceki gün, bir önceki gün açıklanan planı savundu.\tönceki gün=2016-11-17
Proje bu yılın mart ayında başladı.\tbu yılın mart ayında=2016-03
Fabrika 2014 yılının ekim ayında açıldı.\t2014 yılının ekim ayında=2014-10
Anlaşma 2 Kasım'da imzalandı, tören 5 Ekim'de yapılacak.\t2 Kasım'da=2016-11-02|5 Ekim'de=2017-10-05
Bakan pazar günü Berlin'de konuştu.\tpazar günü=2016-11-13
Fabrika geçen yıl ekim ayında kapandı.\tgeçen yıl ekim ayında=2015-10
Toplantı 15 Ekim'de yapılacak.\t15 Ekim'de=2017-10-15
""",
    "ru": """
Попытка переворота произошла 15 июля 2016 года.\t15 июля 2016 года=2016-07-15
Контракт подписан в 2017 году.\t2017 году=2017
В прошлом году переговоры возобновились.\tВ прошлом году=2015
Министр выступил вчера в Москве.\tвчера=2016-11-18
В июле прошли учения.\tиюле=2016-07
Система С-400 поставлена в 2019 году.\t2019 году=2019
В прошлую пятницу министр заявил об этом.\tВ прошлую пятницу=2016-11-18
Делегация прибыла 3 дня назад.\t3 дня назад=2016-11-16
Соглашение подписано 1 мая 2015 года.\t1 мая 2015 года=2015-05-01
В мае делегация посетила Анкару.\tмае=2016-05
Цена выросла до 2000 рублей.\t
Сегодня министр прибыл в Анкару.\tСегодня=2016-11-19
Переговоры начались в марте 2015 года.\tмарте 2015 года=2015-03
Завтра состоится встреча.\tЗавтра=2016-11-20
В следующем месяце пройдут переговоры.\tВ следующем месяце=2016-12
На прошлой неделе прошли испытания.\tНа прошлой неделе=2016-11-07/2016-11-13
Было закуплено 400 ракет.\t
Более 1500 военных участвовали.\t
Учения прошли 12 сентября.\t12 сентября=2016-09-12
В январе 2017 года начнутся поставки.\tянваре 2017 года=2017-01
Модель С-500 пока не продаётся.\t
Турция приняла решение в этом году.\tв этом году=2016
Мир был подписан в 1918 году.\t1918 году=1918
Петр Май выступил с докладом.\t
Министр Март выступил.\t
Испытания прошли 28 февраля 2018 года.\t28 февраля 2018 года=2018-02-28
Встреча состоится в следующую пятницу.\tв следующую пятницу=2016-11-25
Срок истекает в декабре.\tдекабре=2016-12
В 2014 году Россия предложила систему.\t2014 году=2014
Это случилось 31 декабря 2015 года.\t31 декабря 2015 года=2015-12-31
Три человека пострадали пять дней назад.\tпять дней назад=2016-11-14
Форум пройдёт с 12 по 14 декабря.\t12=2016-12-12|14 декабря=2016-12-14
Испытания шли 8-10 ноября.\t8=2016-11-08|10 ноября=2016-11-10
Мир подписали 12 октября, форум состоится 25 октября.\t12 октября=2016-10-12|25 октября=2017-10-25
Бюджет на следующий год утвердят в декабре.\tследующий год=2017|декабре=2016-12
Закон вступит в силу 1 марта следующего года.\t1 марта следующего года=2017-03-01
В конце прошлого года цены выросли.\tпрошлого года=2015
Министр выступил в воскресенье в Берлине.\tвоскресенье=2016-11-13
Год назад завод закрылся.\tГод назад=2015
Вторжение началось 24-го февраля 2014 года.\t24-го февраля 2014 года=2014-02-24
Заседание состоится 3-го декабря.\t3-го декабря=2016-12-03
""",
    "de": """
Der Vertrag wurde am 12. September 2017 unterzeichnet.\t12. September 2017=2017-09-12
Im Jahr 2019 kam die S-400.\t2019=2019
Letzten Freitag sprach der Minister.\tLetzten Freitag=2016-11-18
Gestern sagte der Minister, die Gespräche gingen weiter.\tGestern=2016-11-18
Im Juli fanden Übungen statt.\tJuli=2016-07
Vor 3 Tagen reiste die Delegation ab.\tVor 3 Tagen=2016-11-16
Letztes Jahr begannen die Gespräche.\tLetztes Jahr=2015
Die Kosten stiegen auf 2000 Euro.\t
Am 1. Mai 2018 begann die Übung.\t1. Mai 2018=2018-05-01
Seit 2013 verhandelt die Türkei.\t2013=2013
Heute trifft sich der Rat.\tHeute=2016-11-19
Morgen wird entschieden.\tMorgen=2016-11-20
Nächste Woche beginnt die Konferenz.\tNächste Woche=2016-11-21/2016-11-27
Im März 2015 wurde der Auftrag storniert.\tMärz 2015=2015-03
Der Minister Mai sprach lange.\t
Anfang Oktober reiste er nach Moskau.\tOktober=2016-10
Die Patriot PAC-3 kostet viel.\t
Am 3. Oktober 1990 wurde Deutschland vereint.\t3. Oktober 1990=1990-10-03
Diese Woche tagt der Ausschuss.\tDiese Woche=2016-11-14/2016-11-20
Letzten Monat stiegen die Preise.\tLetzten Monat=2016-10
Die Gespräche dauern bis Dezember.\tDezember=2016-12
Am 15. Juli scheiterte der Putschversuch.\t15. Juli=2016-07-15
Rund 1500 Soldaten nahmen teil.\t
Vor 2 Wochen kam die Delegation.\tVor 2 Wochen=2016-11-05
Nächsten Dienstag beginnt der Prozess.\tNächsten Dienstag=2016-11-22
Im Jahr 1999 begann alles.\t1999=1999
Von 2013 bis 2015 liefen die Verhandlungen.\t2013=2013|2015=2015
Die Zahl 2016 steht auf dem Schild.\t
Am 31. Dezember 2015 endete die Frist.\t31. Dezember 2015=2015-12-31
Seit August wird verhandelt.\tAugust=2016-08
Zwei Minister reisten vor drei Wochen ab.\tvor drei Wochen=2016-10-29
Vor einem Jahr begann der Bau.\tVor einem Jahr=2015
Die Gespräche liefen am 8. und 9. November.\t8.=2016-11-08|9. November=2016-11-09
Die Wahl soll am 2. Oktober stattfinden.\t2. Oktober=2017-10-02
Er sagte am 5. Oktober, man werde am 2. Oktober wählen.\t5. Oktober=2016-10-05|2. Oktober=2017-10-02
Der Minister kam mit dem Zug am Dienstagabend an.\tDienstagabend=2016-11-15
Die Polizei teilte am Montagmorgen die Zahlen mit.\tMontagmorgen=2016-11-14
Im vergangenen Jahr stiegen die Exporte.\tvergangenen Jahr=2015
Kommende Woche tagt der Rat.\tKommende Woche=2016-11-21/2016-11-27
Der Bau soll Ende nächsten Jahres beginnen.\tnächsten Jahres=2017
Im März nächsten Jahres wird gewählt.\tMärz nächsten Jahres=2017-03
Zwischen dem 3. und dem 5. Mai wurde gestreikt.\t3.=2016-05-03|5. Mai=2016-05-05
Der Minister sprach am Sonntag in Berlin.\tSonntag=2016-11-13
""",
    "fr": """
Le coup d'État a échoué le 15 juillet 2016.\t15 juillet 2016=2016-07-15
Hier, le ministre a parlé.\tHier=2016-11-18
Vendredi dernier, le contrat a été signé.\tVendredi dernier=2016-11-18
En juillet, des exercices ont eu lieu.\tjuillet=2016-07
En 2019, le S-400 est arrivé.\t2019=2019
L'année dernière, les discussions ont commencé.\tL'année dernière=2015
Il y a 3 jours, la délégation est partie.\tIl y a 3 jours=2016-11-16
Le prix a atteint 2000 euros.\t
Le 1er mai 2018, l'exercice a commencé.\t1er mai 2018=2018-05-01
Depuis 2013, la Turquie négocie.\t2013=2013
Aujourd'hui, le conseil se réunit.\tAujourd'hui=2016-11-19
Demain, la décision sera annoncée.\tDemain=2016-11-20
La semaine prochaine, la conférence commence.\tLa semaine prochaine=2016-11-21/2016-11-27
En mars 2015, le contrat a été annulé.\tmars 2015=2015-03
Le ministre Mai a parlé.\t
Début octobre, il est allé à Moscou.\toctobre=2016-10
Le Patriot PAC-3 coûte cher.\t
Le 3 octobre 1990, l'Allemagne a été réunifiée.\t3 octobre 1990=1990-10-03
Cette semaine, le comité se réunit.\tCette semaine=2016-11-14/2016-11-20
Le mois dernier, les prix ont augmenté.\tLe mois dernier=2016-10
Les négociations dureront jusqu'en décembre.\tdécembre=2016-12
Le 15 juillet, le putsch a échoué.\t15 juillet=2016-07-15
Environ 1500 soldats ont participé.\t
Mardi prochain, le procès commence.\tMardi prochain=2016-11-22
En 1999, tout a commencé.\t1999=1999
Le nombre 2016 figure sur la plaque.\t
Le 31 décembre 2015, le délai a expiré.\t31 décembre 2015=2015-12-31
Depuis août, on négocie.\taoût=2016-08
L'année prochaine, les livraisons commenceront.\tL'année prochaine=2017
Avant-hier, le ministre est arrivé.\tAvant-hier=2016-11-17
Cette année, le budget a augmenté.\tCette année=2016
Deux ministres sont partis il y a trois semaines.\til y a trois semaines=2016-10-29
Il y a un an, l'usine a fermé.\tIl y a un an=2015
Les négociations ont eu lieu les 8 et 9 novembre.\t8=2016-11-08|9 novembre=2016-11-09
Le festival se déroule du 2 au 4 septembre.\t2=2016-09-02|4 septembre=2016-09-04
Le sommet aura lieu lundi.\tlundi=2016-11-21
Il a démissionné vendredi, son successeur sera nommé lundi.\tvendredi=2016-11-18|lundi=2016-11-21
L'an dernier, les ventes ont baissé.\tL'an dernier=2015
Mi-octobre, le ministre a démissionné.\toctobre=2016-10
Les travaux commenceront en juillet prochain.\tjuillet prochain=2017-07
Il y a sept ans, le traité a été signé.\tIl y a sept ans=2009
Entre le 3 et le 5 mai, il a plu.\t3=2016-05-03|5 mai=2016-05-05
Le ministre a parlé dimanche à Berlin.\tdimanche=2016-11-13
""",
    "es": """
El golpe fracasó el 15 de julio de 2016.\t15 de julio de 2016=2016-07-15
Ayer el ministro habló.\tAyer=2016-11-18
El pasado martes se firmó el contrato.\tEl pasado martes=2016-11-15
En julio hubo maniobras.\tjulio=2016-07
En 2019 llegó el S-400.\t2019=2019
El año pasado comenzaron las conversaciones.\tEl año pasado=2015
Hace 3 días partió la delegación.\tHace 3 días=2016-11-16
El precio alcanzó 2000 euros.\t
El 1 de mayo de 2018 comenzó el ejercicio.\t1 de mayo de 2018=2018-05-01
Desde 2013 Turquía negocia.\t2013=2013
Hoy se reúne el consejo.\tHoy=2016-11-19
La próxima semana comienza la conferencia.\tLa próxima semana=2016-11-21/2016-11-27
En marzo de 2015 se canceló el contrato.\tmarzo de 2015=2015-03
El ministro Mayo habló.\t
A principios de octubre viajó a Moscú.\toctubre=2016-10
El Patriot PAC-3 es caro.\t
El 3 de octubre de 1990 Alemania se reunificó.\t3 de octubre de 1990=1990-10-03
Esta semana se reúne el comité.\tEsta semana=2016-11-14/2016-11-20
El mes pasado subieron los precios.\tEl mes pasado=2016-10
Las negociaciones durarán hasta diciembre.\tdiciembre=2016-12
El 15 de julio fracasó el golpe.\t15 de julio=2016-07-15
Unos 1500 soldados participaron.\t
El próximo martes comienza el juicio.\tEl próximo martes=2016-11-22
En 1999 empezó todo.\t1999=1999
El número 2016 aparece en la placa.\t
El 31 de diciembre de 2015 venció el plazo.\t31 de diciembre de 2015=2015-12-31
Desde agosto se negocia.\tagosto=2016-08
El próximo año comenzarán las entregas.\tEl próximo año=2017
Anteayer llegó el ministro.\tAnteayer=2016-11-17
Este año el presupuesto aumentó.\tEste año=2016
Hace dos años se firmó el acuerdo.\tHace dos años=2014
Los días 3 y 4 de mayo hubo huelga.\t3=2016-05-03|4 de mayo=2016-05-04
El congreso se celebrará el 5 de mayo en Bilbao.\t5 de mayo=2017-05-05
La junta va a reunirse el 10 de junio.\t10 de junio=2017-06-10
El torneo se disputó el 8 de febrero en Sevilla.\t8 de febrero=2016-02-08
El ministro viajará el lunes a Bruselas.\tlunes=2016-11-21
La ley entró en vigor en abril del año pasado.\tabril del año pasado=2015-04
Las obras terminarán en octubre del próximo año.\toctubre del próximo año=2017-10
Las elecciones fueron en mayo de este año.\tmayo de este año=2016-05
Las tarifas subirán a partir del próximo mes.\tpróximo mes=2016-12
El pasado mes de marzo se firmó el acuerdo.\tmarzo=2016-03
El Gobierno aprobó la Agenda 2030.\t
La agenda de 2017 se aprobó.\t2017=2017
El pasado año se firmó el acuerdo.\tpasado año=2015
""",
    "ar": """
وقع الهجوم أول أمس في بغداد.\tأول أمس=2016-11-17
وقعت محاولة الانقلاب في 15 يوليو 2016.\t15 يوليو 2016=2016-07-15
وقعت المحاولة في ١٥ يوليو ٢٠١٦.\t١٥ يوليو ٢٠١٦=2016-07-15
تحدث الوزير أمس في أنقرة.\tأمس=2016-11-18
بدأت المحادثات في عام 2013.\t2013=2013
وصلت منظومة S-400 في عام 2019.\t2019=2019
جرت المناورات في يوليو.\tيوليو=2016-07
ارتفع السعر إلى 2000 دولار.\t
الأسبوع الماضي زار الوفد موسكو.\tالأسبوع الماضي=2016-11-07/2016-11-13
الشهر الماضي ارتفعت الأسعار.\tالشهر الماضي=2016-10
السنة الماضية بدأت المفاوضات.\tالسنة الماضية=2015
غدًا يعلن القرار.\tغدًا=2016-11-20
اليوم يجتمع المجلس.\tاليوم=2016-11-19
قبل 3 أيام غادر الوفد.\tقبل 3 أيام=2016-11-16
في 1 مايو 2018 بدأت المناورات.\t1 مايو 2018=2018-05-01
في مارس 2015 ألغي العقد.\tمارس 2015=2015-03
وقع الاتفاق في 12 سبتمبر 2017.\t12 سبتمبر 2017=2017-09-12
الجمعة الماضية أعلن الوزير.\tالجمعة الماضية=2016-11-18
باتريوت PAC-3 مكلف.\t
منذ 2013 تتفاوض تركيا.\t2013=2013
شارك نحو 1500 جندي.\t
في 3 أكتوبر 1990 توحدت ألمانيا.\t3 أكتوبر 1990=1990-10-03
الأسبوع القادم تبدأ المحادثات.\tالأسبوع القادم=2016-11-21/2016-11-27
في 31 ديسمبر 2015 انتهت المهلة.\t31 ديسمبر 2015=2015-12-31
في ١ مايو ٢٠١٨ بدأت.\t١ مايو ٢٠١٨=2018-05-01
عام ١٩٩٩ بدأ كل شيء.\t١٩٩٩=1999
الرقم 2016 على اللوحة.\t
في 15 يوليو فشل الانقلاب.\t15 يوليو=2016-07-15
منذ أغسطس تجري المفاوضات.\tأغسطس=2016-08
هذا الشهر ارتفعت الأسعار.\tهذا الشهر=2016-11
صواريخ S-500 لم تبع بعد.\t
في شهر مارس 2015 ألغي العقد.\tمارس 2015=2015-03
أصيب ثلاثة جنود قبل خمسة أيام.\tقبل خمسة أيام=2016-11-14
غادر الوفد منذ عامين.\tمنذ عامين=2014
عقد المؤتمر في 7 تشرين الثاني 2015.\t7 تشرين الثاني 2015=2015-11-07
وقع الاتفاق في شباط/فبراير 2014.\tشباط/فبراير 2014=2014-02
نشر التقرير في 12 أيلول/سبتمبر.\t12 أيلول/سبتمبر=2016-09-12
قال آب الكنيسة إن اللقاء عقد في 3 آب.\t3 آب=2016-08-03
ستعقد القمة في 10 تشرين الأول.\t10 تشرين الأول=2017-10-10
جرت الانتخابات يومي 6 و7 تشرين الثاني.\t6=2016-11-06|7 تشرين الثاني=2016-11-07
ارتفعت الأسعار في العام الماضي.\tالعام الماضي=2015
تبدأ الانتخابات في آذار من العام المقبل.\tآذار من العام المقبل=2017-03
أعلن الأمير رؤية 2030.\t
انفجرت سيارة مفخخة في 10 تشرين الأول.\t10 تشرين الأول=2016-10-10
وقع الهجوم في الحادي والعشرين من آذار 2015.\tالحادي والعشرين من آذار 2015=2015-03-21
عقد الاجتماع الثاني من نوعه في 3 أيار.\t3 أيار=2016-05-03
ارتفعت الأسعار هذا العام.\tهذا العام=2016
""",
    "el": """
Το δημοψήφισμα της 5ης Ιουλίου 2015 άλλαξε την πορεία.\t5ης Ιουλίου 2015=2015-07-05
Οι αφίξεις τουριστών ξεπέρασαν πέρυσι τα 31 εκατομμύρια.\tπέρυσι=2015
Η έκθεση θα διαρκέσει από τις 12 έως τις 15 Δεκεμβρίου.\t12=2016-12-12|15 Δεκεμβρίου=2016-12-15
Το πραξικόπημα απέτυχε στις 15 Ιουλίου 2016.\t15 Ιουλίου 2016=2016-07-15
Χθες μίλησε ο υπουργός.\tΧθες=2016-11-18
Πέρσι ξεκίνησαν οι συνομιλίες.\tΠέρσι=2015
Τον Ιούλιο έγιναν ασκήσεις.\tΙούλιο=2016-07
Το 2019 έφτασε το S-400.\t2019=2019
Σήμερα συνεδριάζει το συμβούλιο.\tΣήμερα=2016-11-19
Αύριο ανακοινώνεται η απόφαση.\tΑύριο=2016-11-20
Η τιμή έφτασε τα 2000 ευρώ.\t
Την 1 Μαΐου 2018 ξεκίνησε η άσκηση.\t1 Μαΐου 2018=2018-05-01
Από το 2013 η Τουρκία διαπραγματεύεται.\t2013=2013
Τον Μάρτιο του 2015 ακυρώθηκε η σύμβαση.\tΜάρτιο του 2015=2015-03
Στις 3 Οκτωβρίου 1990 ενώθηκε η Γερμανία.\t3 Οκτωβρίου 1990=1990-10-03
Την περασμένη Παρασκευή υπογράφηκε η σύμβαση.\tΤην περασμένη Παρασκευή=2016-11-18
Η Patriot PAC-3 κοστίζει.\t
Περίπου 1500 στρατιώτες συμμετείχαν.\t
Στις 31 Δεκεμβρίου 2015 έληξε η προθεσμία.\t31 Δεκεμβρίου 2015=2015-12-31
Στις 15 Ιουλίου απέτυχε το πραξικόπημα.\t15 Ιουλίου=2016-07-15
Το 1999 άρχισαν όλα.\t1999=1999
Ο αριθμός 2016 είναι στην πινακίδα.\t
Από τον Αύγουστο γίνονται διαπραγματεύσεις.\tΑύγουστο=2016-08
Την επόμενη εβδομάδα αρχίζει η διάσκεψη.\tεπόμενη εβδομάδα=2016-11-21/2016-11-27
Την προηγούμενη εβδομάδα έγιναν δοκιμές.\tπροηγούμενη εβδομάδα=2016-11-07/2016-11-13
Πριν από 3 ημέρες έφυγε η αντιπροσωπεία.\tΠριν από 3 ημέρες=2016-11-16
Στις 12 Σεπτεμβρίου 2017 υπογράφηκε η συμφωνία.\t12 Σεπτεμβρίου 2017=2017-09-12
Τον Ιανουάριο του 2017 ξεκινούν οι παραδόσεις.\tΙανουάριο του 2017=2017-01
Ο Μάιος Παπαδόπουλος μίλησε.\t
Το S-500 δεν πωλείται ακόμα.\t
Φέτος ο προϋπολογισμός αυξήθηκε.\tΦέτος=2016
Στις 28 Φεβρουαρίου 2018 έγιναν δοκιμές.\t28 Φεβρουαρίου 2018=2018-02-28
Μέχρι τον Δεκέμβριο θα διαρκέσουν οι συνομιλίες.\tΔεκέμβριο=2016-12
Η σύνοδος θα πραγματοποιηθεί στις 9 Μαΐου στις Βρυξέλλες.\t9 Μαΐου=2017-05-09
Η σύνοδος πραγματοποιήθηκε στις 9 Φεβρουαρίου στις Βρυξέλλες.\t9 Φεβρουαρίου=2016-02-09
Ο δήμαρχος θα μιλήσει την Τρίτη.\tΤρίτη=2016-11-22
Ο νόμος ψηφίστηκε τον Απρίλιο του περασμένου έτους.\tΑπρίλιο του περασμένου έτους=2015-04
Τα έργα θα ολοκληρωθούν τον Οκτώβριο του επόμενου χρόνου.\tΟκτώβριο του επόμενου χρόνου=2017-10
Οι συνομιλίες έγιναν στις 7 και 8 Μαρτίου.\t7=2016-03-07|8 Μαρτίου=2016-03-08
Η έκθεση διήρκεσε από 10 έως 12 Απριλίου.\t10=2016-04-10|12 Απριλίου=2016-04-12
Οι μισθοί αυξήθηκαν κατά 5 και 7 τοις εκατό.\t
Το εργοστάσιο έκλεισε πριν από τρία χρόνια.\tπριν από τρία χρόνια=2013
Η αντιπροσωπεία έφτασε πριν από πέντε εβδομάδες.\tπριν από πέντε εβδομάδες=2016-10-15
Η απεργία ξεκίνησε πριν οκτώ μήνες.\tπριν οκτώ μήνες=2016-03
Ο δράστης καταδικάστηκε σε τέσσερα χρόνια φυλάκιση.\t
Οι τιμές ανέβηκαν τον περασμένο μήνα.\tπερασμένο μήνα=2016-10
Οι συνομιλίες ξεκινούν τον επόμενο μήνα.\tεπόμενο μήνα=2016-12
Η συνάντηση έγινε την περασμένη εβδομάδα.\tπερασμένη εβδομάδα=2016-11-07/2016-11-13
Ο υπουργός μίλησε προχθές στη Βουλή.\tπροχθές=2016-11-17
Η κυβέρνηση ενέκρινε την Ατζέντα 2030.\t
Το σχέδιο για το 2030 παρουσιάστηκε.\t2030=2030
""",
    "uk": """
Наступне засідання суду відбудеться 3-го грудня.\t3-го грудня=2016-12-03
Ремонт мосту завершать через 10 днів.\tчерез 10 днів=2016-11-29
Спроба перевороту сталася 15 липня 2016 року.\t15 липня 2016 року=2016-07-15
Учора міністр виступив у Києві.\tУчора=2016-11-18
Торік почалися переговори.\tТорік=2015
У липні відбулися навчання.\tлипні=2016-07
Систему С-400 поставили у 2019 році.\t2019 році=2019
Сьогодні засідає рада.\tСьогодні=2016-11-19
Завтра оголосять рішення.\tЗавтра=2016-11-20
Ціна зросла до 2000 гривень.\t
1 травня 2018 року почалися навчання.\t1 травня 2018 року=2018-05-01
З 2013 року Туреччина веде переговори.\t2013 року=2013
У березні 2015 року контракт скасували.\tберезні 2015 року=2015-03
3 жовтня 1990 року Німеччина об'єдналася.\t3 жовтня 1990 року=1990-10-03
Минулої п'ятниці підписали контракт.\tМинулої п'ятниці=2016-11-18
Patriot PAC-3 коштує дорого.\t
Близько 1500 військових взяли участь.\t
31 грудня 2015 року сплив термін.\t31 грудня 2015 року=2015-12-31
15 липня провалився путч.\t15 липня=2016-07-15
У 1999 році все почалося.\t1999 році=1999
Число 2016 є на табличці.\t
З серпня тривають переговори.\tсерпня=2016-08
Наступного тижня почнеться конференція.\tНаступного тижня=2016-11-21/2016-11-27
Минулого тижня пройшли випробування.\tМинулого тижня=2016-11-07/2016-11-13
12 вересня 2017 року підписали угоду.\t12 вересня 2017 року=2017-09-12
У січні 2017 року почнуться поставки.\tсічні 2017 року=2017-01
Іван Травень виступив.\t
С-500 ще не продається.\t
Цього року бюджет зріс.\tЦього року=2016
28 лютого 2018 року пройшли випробування.\t28 лютого 2018 року=2018-02-28
До грудня триватимуть переговори.\tгрудня=2016-12
Минулого місяця ціни зросли.\tМинулого місяця=2016-10
Два роки тому почалися переговори.\tДва роки тому=2014
П'ять днів тому прибули три делегації.\tП'ять днів тому=2016-11-14
Конференція відбудеться 9 травня у Харкові.\t9 травня=2017-05-09
Конференція відбулася 9 лютого у Харкові.\t9 лютого=2016-02-09
Навчання триватимуть до 14 березня.\t14 березня=2017-03-14
Засідання відбудеться у вівторок.\tвівторок=2016-11-22
Закон ухвалили у квітні минулого року.\tквітні минулого року=2015-04
Будівництво завершиться у жовтні наступного року.\tжовтні наступного року=2017-10
Переговори тривали з 7 по 9 березня.\t7=2016-03-07|9 березня=2016-03-09
Вибори відбудуться 20 та 21 квітня.\t20=2017-04-20|21 квітня=2017-04-21
Ціни зросли на 5 та 7 відсотків у червні.\tчервні=2016-06
Уряд ухвалив Стратегію 2030.\t
Стратегію до 2030 року ухвалили.\t2030 року=2030
У минулому місяці ціни зросли.\tминулому місяці=2016-10
У наступні місяці ціни зростуть.\t
""",
}


def _parse(raw: str) -> list[tuple[str, list[tuple[str, str]]]]:
    rows = []
    for line in raw.strip().splitlines():
        sentence, _, expected = line.partition("\t")
        pairs = [tuple(item.rsplit("=", 1)) for item in expected.split("|") if item]
        rows.append((sentence, pairs))
    return rows


TABLES = {language: _parse(raw) for language, raw in _RAW.items()}


def ours(sentence: str, language: str) -> list[tuple[str, str | None]]:
    from timeline.extraction import extract

    return [(m.text, m.value) for m in extract(sentence, PUBLISHED, language=language).mentions]


def naive(sentence: str, language: str) -> list[tuple[str, str | None]]:
    """dateparser's search_dates, read at day precision as it reports them."""
    from datetime import datetime

    from dateparser.search import search_dates

    found = search_dates(
        sentence,
        languages=[language],
        settings={"RELATIVE_BASE": datetime(2016, 11, 19), "PREFER_DATES_FROM": "past"},
    )
    return [(text, moment.date().isoformat()) for text, moment in found or []]


@dataclass
class TableScore:
    system_total: int = 0
    gold_total: int = 0
    hits: int = 0

    @property
    def precision(self) -> float:
        return self.hits / self.system_total if self.system_total else 0.0

    @property
    def recall(self) -> float:
        return self.hits / self.gold_total if self.gold_total else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score_table(language: str, table, *, naive_baseline: bool = False) -> TableScore:
    total = TableScore()
    read = naive if naive_baseline else ours
    for sentence, expected in table:
        found = read(sentence, language)
        total.system_total += len(found)
        total.gold_total += len(expected)
        total.hits += sum(1 for pair in found if pair in expected)
    return total
