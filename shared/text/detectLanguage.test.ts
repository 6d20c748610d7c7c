import { describe, expect, it } from 'vitest'
import { detectLanguage } from './index.ts'

const russian = [
  'Утром мы вышли из дома и пошли к реке, где уже собирались рыбаки.',
  'Погода была тёплой, хотя по радио обещали дождь до самого вечера.',
  'В библиотеке города хранится более двухсот тысяч книг и рукописей.',
  'Студенты готовились к экзаменам всю неделю и почти не спали.',
]

const kazakh = [
  'Таңертең біз үйден шығып, балықшылар жиналып жатқан өзенге қарай жүрдік.',
  'Ауа райы жылы болды, бірақ радиодан кешке дейін жаңбыр жауады деп айтты.',
  'Қала кітапханасында екі жүз мыңнан астам кітап пен қолжазба сақталған.',
  'Студенттер апта бойы емтиханға дайындалып, ұйықтамады десе де болады.',
]

const kazakhLatin = [
  'Tañerteñ biz üiden şyğyp, balyqşylar jinalyp jatqan özenge qarai jürdık.',
  'Aua raiy jyly boldy, bıraq radiodan keşke deiın jañbyr jauady dep aitty.',
  'Qala kıtaphanasynda ekı jüz myñnan astam kıtap pen qoljazba saqtalğan.',
  'Studentter apta boiy emtihanğa daiyndalyp, ūiyqtamady dese de bolady.',
]

const arabic = [
  'خرجنا من البيت في الصباح الباكر ومشينا نحو النهر حيث كان الصيادون يجتمعون.',
  'كان الطقس دافئا مع أن الإذاعة توقعت المطر حتى المساء.',
  'تحتفظ مكتبة المدينة بأكثر من مئتي ألف كتاب ومخطوطة.',
]

const english = [
  'In the morning we left the house and walked to the river where the fishermen gathered.',
  'The weather was warm, although the radio had promised rain until the evening.',
  'The city library keeps more than two hundred thousand books and manuscripts.',
]

describe('detectLanguage', () => {
  it('accepts texts in their declared language', () => {
    expect(detectLanguage(russian, 'ru')).toBeNull()
    expect(detectLanguage(kazakh, 'kk')).toBeNull()
    expect(detectLanguage(kazakh, 'kk-Cyrl')).toBeNull()
    expect(detectLanguage(kazakhLatin, 'kk-Latn')).toBeNull()
    expect(detectLanguage(arabic, 'ar')).toBeNull()
    expect(detectLanguage(english, 'en')).toBeNull()
  })

  it('names Kazakh imported as Russian, and Russian imported as Kazakh', () => {
    expect(detectLanguage(kazakh, 'ru')).toEqual({ declared: 'ru', script: 'Cyrl', language: 'kk' })
    expect(detectLanguage(russian, 'kk')).toEqual({
      declared: 'kk',
      script: 'Cyrl',
      language: 'ru',
    })
  })

  it('names Latin Kazakh imported as Russian, English or Kazakh Cyrillic', () => {
    const asRussian = { declared: 'ru', script: 'Latn', language: 'kk-Latn' }
    expect(detectLanguage(kazakhLatin, 'ru')).toEqual(asRussian)
    expect(detectLanguage(kazakhLatin, 'en')).toEqual({ ...asRussian, declared: 'en' })
    expect(detectLanguage(kazakhLatin, 'kk')).toEqual({ ...asRussian, declared: 'kk' })
  })

  it('names the script when a text is in another one', () => {
    expect(detectLanguage(arabic, 'ru')).toEqual({ declared: 'ru', script: 'Arab', language: 'ar' })
    expect(detectLanguage(russian, 'ar')).toEqual({
      declared: 'ar',
      script: 'Cyrl',
      language: 'ru',
    })
    expect(detectLanguage(kazakh, 'ar')).toEqual({ declared: 'ar', script: 'Cyrl', language: 'kk' })
    // English shows no letters of its own: the script is all that is said.
    expect(detectLanguage(english, 'ru')).toEqual({
      declared: 'ru',
      script: 'Latn',
      language: null,
    })
    expect(detectLanguage(english, 'kk-Latn')).toEqual({
      declared: 'kk-Latn',
      script: 'Latn',
      language: null,
    })
  })

  it('does not flag a Russian text that quotes Kazakh names and titles', () => {
    const quoting = [
      'Вчера в Астане прошла премьера фильма «Қазақ елі» режиссёра Сабита Құрманбекова.',
      'На встрече выступили Әлихан Бөкейханов-младший и поэтесса Гүлнар Салықбай.',
      'Организаторы из фонда «Мәдени мұра» пообещали показать картину и в других городах.',
      'Зрители тепло приняли работу и долго не отпускали съёмочную группу со сцены.',
      'Прокат начнётся в марте, билеты уже продаются в кассах кинотеатров.',
    ]
    expect(detectLanguage(quoting, 'ru')).toBeNull()
  })

  it('does not flag mixed documents or a text with many Latin terms', () => {
    expect(detectLanguage([...russian, ...kazakh], 'ru')).toBeNull()
    expect(detectLanguage([...arabic, ...russian], 'ru')).toBeNull()
    const technical = [
      'Установите пакет через npm install и запустите сервер командой npm run dev.',
      'Файл config.json лежит в каталоге src, а логи пишутся в logs/server.log.',
    ]
    expect(detectLanguage(technical, 'ru')).toBeNull()
  })

  it('does not take a text of a Turkic neighbour for Kazakh', () => {
    const kyrgyz = [
      'Эртең менен биз үйдөн чыгып, балыкчылар чогулуп жаткан дарыяга карай бардык.',
      'Аба ырайы жылуу болду, бирок радио кечке чейин жамгыр жаайт деп айткан.',
      'Шаардык китепканада эки жүз миңден ашык китеп жана кол жазма сакталат.',
      'Студенттер бир жума бою сынакка даярданып, дээрлик уктаган жок.',
    ]
    const azerbaijani = [
      'Səhər tezdən evdən çıxıb balıqçıların toplaşdığı çaya tərəf getdik.',
      'Hava isti idi, baxmayaraq ki, radio axşama qədər yağış yağacağını demişdi.',
      'Şəhər kitabxanasında iki yüz mindən çox kitab və əlyazma saxlanılır.',
      'Tələbələr bütün həftə imtahana hazırlaşdılar və demək olar ki, yatmadılar.',
    ]
    expect(detectLanguage(kyrgyz, 'ky')).toBeNull()
    expect(detectLanguage(azerbaijani, 'az')).toBeNull()
    // Not Russian either, but its letters do not say Kazakh: no verdict within the script.
    expect(detectLanguage(kyrgyz, 'ru')).toBeNull()
  })

  it('says nothing about too little text', () => {
    expect(detectLanguage(['Сәлем, әлем!'], 'ru')).toBeNull()
    expect(detectLanguage(['مرحبا بالعالم'], 'ru')).toBeNull()
    expect(detectLanguage(['Қазақстан Республикасы — Орталық Азиядағы мемлекет.'], 'ru')).toBeNull()
    expect(detectLanguage([], 'kk')).toBeNull()
  })

  it('ignores numbers, tags, addresses and e-mails', () => {
    const noise = [
      '12 345 678 <b>https://example.com/very/long/english/path?with=query</b>',
      'write to someone.with.long.name@example.org {1}2024-01-01{/1} 3.14159',
      '<a href="https://kazakh.example.kz/path">www.another-site.example.com/page</a>',
    ]
    expect(detectLanguage([...noise, ...russian], 'ru')).toBeNull()
    expect(detectLanguage(noise, 'ar')).toBeNull()
  })

  it('accepts a script a declared language is one of several for (Japanese)', () => {
    const japanese = [
      '朝早く家を出て、漁師たちが集まっている川へ歩いていきました。',
      '天気は暖かかったが、ラジオは夕方まで雨が降ると言っていた。',
    ]
    expect(detectLanguage(japanese, 'ja')).toBeNull()
    const chinese = [
      '我们一早离开家，走向渔民聚集的河边。',
      '天气很暖和，虽然广播说傍晚之前会下雨。',
    ]
    expect(detectLanguage(chinese, 'ja')).toBeNull()
    expect(detectLanguage(chinese, 'ru')).toEqual({
      declared: 'ru',
      script: 'Hani',
      language: null,
    })
  })
})
