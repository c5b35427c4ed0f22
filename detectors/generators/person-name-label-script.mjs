// Prints detectors/person-name-label-script.yaml: node detectors/generators/person-name-label-script.mjs > detectors/person-name-label-script.yaml
import { q } from './shared.mjs';
/* global console */
const T = '[ \\t]+';
// Labels of a person's name, in English, Spanish and the languages whose scripts follow.
const LABELS = [
  `patient${T}name`, 'patient', `full${T}name`, `legal${T}name`, 'name', `member${T}name`, `insured${T}name`, 'nombre',
  // Chinese, Japanese, Korean, Russian
  '姓名', '名字', '患者姓名', '病人姓名', '患者', '病人', '氏名', '名前', 'お名前', '患者名', '이름', '성명', '환자', '환자명', `환자${T}이름`,
  'имя', 'фио', 'ф\\.и\\.о\\.', 'пациент', `фамилия${T}имя`,
];
// Arabic, Persian, Urdu, Hebrew, Hindi, Bengali, Punjabi, Gujarati, Tamil, Thai, Greek, Armenian, Amharic, Khmer, Burmese, Georgian, Lao, Ukrainian.
const MORE_LABELS = [
  'الاسم', 'اسم', `الاسم${T}الكامل`, `اسم${T}المريض`, `اسم${T}المريضة`, 'المريض', 'المريضة',
  'نام', `نام${T}بیمار`, 'بیمار', `نام${T}و${T}نام${T}خانوادگی`, 'مریض', `مریض${T}کا${T}نام`,
  'שם', `שם${T}מלא`, `שם${T}המטופל`, `שם${T}המטופלת`, 'מטופל', 'מטופלת',
  'नाम', `पूरा${T}नाम`, `मरीज़?${T}का${T}नाम`, `रोगी${T}का${T}नाम`, 'मरीज़?', 'रोगी', 'बिरामी',
  'নাম', `রোগীর${T}নাম`, 'রোগী', 'ਨਾਮ', `ਮਰੀਜ਼${T}ਦਾ${T}ਨਾਮ`, 'નામ', `દર્દીનું${T}નામ`, 'பெயர்', `நோயாளியின்${T}பெயர்`,
  'ชื่อ', 'ชื่อ[ \\t]*-[ \\t]*นามสกุล', 'ชื่อผู้ป่วย', 'ผู้ป่วย',
  'όνομα', 'ονοματεπώνυμο', 'ασθενής', `όνομα${T}ασθενούς`, 'անուն', `անուն${T}ազգանուն`, 'հիվանդ',
  'ስም', `የታካሚ${T}ስም`, 'ឈ្មោះ', 'အမည်', 'სახელი', 'პაციენტი', 'ຊື່', "ім['ʼ]я", 'пацієнт',
];
const CJK = '\\p{Han}\\p{Hangul}\\p{Hiragana}\\p{Katakana}';
const CYRILLIC_UPPER = 'А-ЯЁІЇЄҐ', CYRILLIC_LOWER = "а-яёіїєґ'";
const GREEK_UPPER = 'Α-ΩΆΈΉΊΌΎΏ', GREEK_LOWER = 'α-ωάέήίόύώϊϋΐΰς';
const ARMENIAN_UPPER = 'Ա-Ֆ', ARMENIAN_LOWER = 'ա-և';
// Scripts without capitals, each word a run of one script's letters and marks.
const UNCASED = ['Arabic', 'Hebrew', 'Devanagari', 'Bengali', 'Gurmukhi', 'Gujarati', 'Tamil', 'Telugu', 'Thai', 'Lao', 'Khmer', 'Myanmar', 'Ethiopic', 'Georgian'];
// Persian writes a zero-width non-joiner inside words, Hebrew a geresh (ז'ק).
const letters = (script) => (script === 'Arabic' ? '[\\p{Arabic}\\x{200C}]' : script === 'Hebrew' ? "[\\p{Hebrew}']" : `\\p{${script}}`);
const uncasedWords = (script) => `\\p{${script}}${letters(script)}+(?:${T}\\p{${script}}${letters(script)}+){1,3}`;
const casedWords = (upper, lower) => `[${upper}][${lower}]+(?:${T}[${upper}][${lower}]+){1,2}`;

const VALUE = [
  `[${CJK}](?:[${CJK}・]|[ \\t\u3000][${CJK}]){1,7}`,
  casedWords(CYRILLIC_UPPER, CYRILLIC_LOWER),
  casedWords(GREEK_UPPER, GREEK_LOWER),
  casedWords(ARMENIAN_UPPER, ARMENIAN_LOWER),
  ...UNCASED.map(uncasedWords),
].join('|');
const pattern = `(?:^|[^\\p{L}])(?i:${[...LABELS, ...MORE_LABELS].join('|')})[ \\t]*[:：][ \\t\u3000]*(?P<v>${VALUE})(?:$|[^${CJK}\\p{L}\\p{M}：:])`;
const trigger = `[:：][ \\t\u3000]*[${CJK}${CYRILLIC_UPPER}${GREEK_UPPER}${ARMENIAN_UPPER}${UNCASED.map((s) => `\\p{${s}}`).join('')}]`;

console.log(`id: person-name-label-script
name: "Person name in a script without Latin capitals after a name label (Patient: 王小明, 姓名：王小明, الاسم: محمد أحمد, שם: דוד כהן)"
identifier: names
description: >
  Bilingual intake forms, portal messages and records print a patient's name in the patient's
  own script after a label in English or in that language: "Patient: 王小明", "姓名：王小明",
  "이름: 김민준", "Имя: Иван Петров", "الاسم: محمد أحمد", "نام بیمار: علی رضایی", "שם: דוד כהן",
  "नाम: राहुल शर्मा", "ชื่อ: สมชาย ใจดี", "Όνομα: Γιώργος Παπαδόπουλος". Those scripts have no
  capitals for the Latin name patterns to go by: here two to eight Han, Hangul or kana
  characters (a space or a middle dot between parts); two or three capitalized Cyrillic, Greek
  or Armenian words; or two to four words of one script without capitals (Arabic, Hebrew,
  Devanagari, Bengali, Gurmukhi, Gujarati, Tamil, Telugu, Thai, Lao, Khmer, Burmese, Ethiopic,
  Georgian) -- right after the label and its colon (a full-width one too), up to the next label;
  not a label word itself ("Name: 姓名", "name: اسم المريض"), a language's own name ("name:
  العربية") or a form's "none".
patterns:
  - ${q(pattern)}
# The label words are everywhere; a colon before a letter of one of these scripts is rare in the
# traffic of an English-speaking clinic: the pattern runs only there (the trigger).
trigger: ${q(trigger)}
validator: script-name
confidence: { base: 0.85 }
examples:
  match:
    - 'Patient: 王小明'
    - "姓名：王小明\\n出生日期：1961年4月12日"
    - '患者：王 小明'
    - '姓名：王小明 出生日期：1961年4月12日'
    - 'Patient Name: 김민준'
    - '이름: 김민준, 생년월일: 1961-04-12'
    - '氏名：山田 太郎'
    - 'Имя: Иван Петров'
    - 'Patient: محمد أحمد'
    - "الاسم: محمد أحمد\\nتاريخ الميلاد: 12/04/1961"
    - 'نام بیمار: علی رضایی'
    - 'Patient name: דוד כהן'
    - 'שם: שרה לוי, טלפון 054-1234567'
    - 'Name: राहुल शर्मा'
    - 'नाम: सुनीता देवी'
    - 'ชื่อ: สมชาย ใจดี'
    - 'Patient: Γιώργος Παπαδόπουλος'
    - 'Անուն: Արամ Պետրոսյան'
    - 'Patient: আব্দুল করিম'
    - 'ПІБ пацієнта, ім''я: Олена Коваленко'
  no_match:
    - 'Name: 姓名'
    - 'Patient Name / 患者姓名: ________'
    - 'Language: 中文'
    - 'Patient: John Smith'
    - 'Note: Иван'
    - 'name: العربية'
    - 'name: 中文'
    - 'Name: اسم المريض'
    - 'Name: שם מלא'
    - 'Patient: لا يوجد'
    - 'Patient: محمد'
    - 'Title: محمد أحمد'`);
