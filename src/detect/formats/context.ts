import type { KeyTable, Scanner } from '../compile.js';
import type { Structure } from '../pack.js';
import type { Finding, Identifier } from '../types.js';

/** What a structural extractor gets: the bytes, the compiled pack, and where to put findings. */
export interface FormatContext {
  readonly buf: Buffer;
  readonly scanner: Scanner;
  readonly out: Finding[];
  /** Added to every offset: the position of `buf` inside the scanned input. */
  readonly base: number;
  readonly layer: string | undefined;
}

const HEX_ONLY = /^[0-9a-f]+$/i;
/**
 * What a name-field carries that is no name: the kind of patient a scheduling form or an
 * analytics event says (`"patient": "new"`, `patient=returning`), yes/no answers.
 */
const NOT_NAMES = new Set([
  'new', 'returning', 'existing', 'established', 'current', 'former', 'prospective', 'self', 'other', 'guest', 'anonymous', 'yes', 'no',
  'patient', 'patients', 'adult', 'child', 'pediatric', 'minor', 'dependent', 'primary', 'secondary',
  // What a typed schema, an API's example or a form's definition puts where a name goes (`firstName: String`).
  'string', 'str', 'text', 'varchar', 'nvarchar', 'char', 'type', 'value', 'field', 'input', 'required', 'optional', 'object', 'any',
]);
const PLACEHOLDERS = new Set(['null', 'none', 'n/a', 'na', 'unknown', 'redacted', '[redacted]', 'true', 'false', 'test', 'xxx', 'tbd', '-', '0']);
/**
 * A template's variable where the value will go (`{{first_name}}`, `${lastName}`, Mailchimp's
 * `*|FNAME|*`, `%FIRSTNAME%`, `{patient.dob}`, `[[name]]`), as integration mappings, e-mail
 * templates and form definitions send them: no value yet.
 */
const TEMPLATE_VARIABLE = /^(?:\{\{\{?\s*([^{}]{1,64}?)\s*\}?\}\}|\$\{([^{}]{1,64})\}|\*\|([^|]{1,64})\|\*|%([^%\s]{1,64})%|\{!?([^{}\s]{1,64})\}|\[\[([^[\]]{1,64})\]\])$/;
/** A variable's name, not a value: lower case first (`first_name`, `patient.dob`), all capitals (`FNAME`), or dotted or joined by `_` (`Contact.FirstName`); "Rosa" is a value in braces. */
const VARIABLE_NAME = /^(?:[a-z_$][\w.$-]*|[A-Z0-9_]+|[A-Za-z][\w$-]*[._][\w.$-]+)$/;
const isTemplateVariable = (v: string): boolean => {
  const m = TEMPLATE_VARIABLE.exec(v);
  if (m === null) return false;
  const name = m.slice(1).find((g) => g !== undefined);
  return name !== undefined && VARIABLE_NAME.test(name);
};

/** An IPv4 or IPv6 address, a host:port, a URL, or a memory address (`"addr": "0x7ff6a1b2"` in a crash report). */
const NETWORK_ADDRESS = /^(?:0x[0-9A-Fa-f]+|\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?|\[?[0-9A-Fa-f]*:[0-9A-Fa-f:.]*\]?(?::\d{1,5})?|[A-Za-z0-9.-]+:\d{2,5}|[A-Za-z][A-Za-z0-9+.-]*:\/\/\S*)$/;

function digitCount(v: string): number {
  let n = 0;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) n++;
  }
  return n;
}

/**
 * Does a field value look like data of this kind? Empty values, placeholders and masks are
 * not PHI, and a phone field holding "yes" is not a phone number.
 */
export function plausible(identifier: Identifier, value: string): boolean {
  const v = value.trim();
  // Letters of any script: a name or an address written in Chinese, Korean or Cyrillic is data too.
  if (v.length < 2 || !/[\p{L}\p{N}]/u.test(v) || PLACEHOLDERS.has(v.toLowerCase())) return false;
  if (isTemplateVariable(v)) return false;
  // Masks such as ***-**-1234 or XXXX; a lone initial ("X.") is a name, not a mask.
  if (/^[*xX#•.\-\s]+$/.test(v) && (v.length >= 3 || /[*#•]/.test(v))) return false;
  // An identifier hashed (MD5, SHA-1, SHA-256, as ad platforms' customer matching sends it)
  // is still an identifier of its kind: a code derived from it.
  if ((v.length === 32 || v.length === 40 || v.length === 64) && HEX_ONLY.test(v)) return true;
  switch (identifier) {
    case 'dates':
      return digitCount(v) >= 2;
    case 'ssn':
      return digitCount(v) >= 4;
    case 'phone':
    case 'fax':
      return digitCount(v) >= 7;
    case 'email':
      return v.includes('@');
    case 'names':
      return /\p{L}/u.test(v) && !NOT_NAMES.has(v.toLowerCase());
    case 'geographic':
      // A network, memory or e-mail address is no street address (`address=0.0.0.0:8080` in a
      // server's log line, Microsoft Graph's `"emailAddress": {"address": ...}`: the e-mail
      // detector judges that).
      return !v.includes('@') && (v.length > 64 || !NETWORK_ADDRESS.test(v));
    default:
      return true;
  }
}

/**
 * A field's value that is the field's own label, as translation files, form definitions and
 * UI strings hold it (`"firstName": "First name"`, `your-name=Your name (required)`, `"dob":
 * "Enter your date of birth"`): words naming the same kind of field, not data. Only a label of
 * two words or more (or ending in `:` or `*`): a one-word value could be a person named as a
 * key is ("Nok").
 */
function fieldLabel(keys: KeyTable, identifier: Identifier, text: string): boolean {
  // Labels are short; most values have no space and no mark, and are no label.
  if (text.length > 64 || !/[\s:*]/.test(text)) return false;
  const v = text.trim().replace(/\s*\([^)]*\)$/, '');
  const marked = /[:*]$/.test(v);
  const bare = v.replace(/[\s:*]+$/, '').replace(/^(?:please\s+)?(?:enter|type|add|select)\s+(?:the\s+)?/i, '');
  if (!marked && !/\s/.test(bare)) return false;
  return keys.identify(bare) === identifier;
}

/**
 * Field labels in scripts other than Latin (Chinese, Japanese, Korean, Cyrillic, Arabic,
 * Persian, Urdu, Hebrew, Devanagari, Bengali, Gurmukhi, Gujarati, Tamil, Thai, Greek, Armenian,
 * Ethiopic, Khmer, Burmese, Georgian, Lao), by the kind of field they name: a translation file's
 * values (`"firstName": "名字"`, `"dob": "생년월일"`, `"lastName": "اسم العائلة"`) are labels,
 * not data. These scripts have no capitals (and CJK and Thai no spaces) for fieldLabel's rules
 * to go by. Written lower-case (Greek, Cyrillic and Armenian are compared lower-cased).
 */
const SCRIPT_LABELS = new Map<Identifier, ReadonlySet<string>>([
  ['names', new Set(['姓名', '名字', '名', '姓', '姓氏', '全名', '患者姓名', '病人姓名', '中文姓名', '英文姓名', '氏名', '名前', '姓名（漢字）', 'フリガナ',
    'お名前', '患者名', '이름', '성명', '성', '환자 이름', '환자명', 'имя', 'фамилия', 'отчество', 'фио', 'полное имя', 'имя пациента',
    // Ukrainian, Arabic, Persian, Urdu, Hebrew
    "ім'я", 'імʼя', 'прізвище', 'по батькові', "повне ім'я",
    'الاسم', 'اسم', 'الاسم الأول', 'الاسم الاول', 'اسم العائلة', 'الاسم الأخير', 'اسم الأب', 'الاسم الكامل', 'الاسم بالكامل', 'اسم المريض', 'اسم المريضة', 'الكنية', 'اللقب',
    'نام', 'نام خانوادگی', 'نام\u200cخانوادگی', 'نام و نام خانوادگی', 'نام کامل', 'نام بیمار', 'نام پدر',
    'پورا نام', 'مریض کا نام', 'پہلا نام', 'آخری نام', 'خاندانی نام',
    'שם', 'שם פרטי', 'שם משפחה', 'שם מלא', 'שם המטופל', 'שם המטופלת', 'שם האב',
    // Hindi, Nepali, Bengali, Punjabi, Gujarati, Tamil
    'नाम', 'पहला नाम', 'उपनाम', 'अंतिम नाम', 'पूरा नाम', 'मरीज़ का नाम', 'मरीज का नाम', 'रोगी का नाम', 'पिता का नाम', 'थर', 'बिरामीको नाम',
    'নাম', 'প্রথম নাম', 'পদবি', 'পদবী', 'শেষ নাম', 'পুরো নাম', 'রোগীর নাম',
    'ਨਾਮ', 'ਪਹਿਲਾ ਨਾਮ', 'ਆਖਰੀ ਨਾਮ', 'ਪੂਰਾ ਨਾਮ', 'ਮਰੀਜ਼ ਦਾ ਨਾਮ',
    'નામ', 'પ્રથમ નામ', 'અટક', 'પૂરું નામ', 'દર્દીનું નામ',
    'பெயர்', 'முதல் பெயர்', 'கடைசி பெயர்', 'முழு பெயர்', 'நோயாளியின் பெயர்',
    // Thai, Greek, Armenian, Amharic, Khmer, Burmese, Georgian, Lao
    'ชื่อ', 'นามสกุล', 'ชื่อจริง', 'ชื่อ-นามสกุล', 'ชื่อ - นามสกุล', 'ชื่อ นามสกุล', 'ชื่อเต็ม', 'ชื่อผู้ป่วย',
    'όνομα', 'επώνυμο', 'ονοματεπώνυμο', 'πλήρες όνομα', 'όνομα ασθενούς', 'πατρώνυμο',
    'անուն', 'ազգանուն', 'անուն ազգանուն', 'հայրանուն',
    'ስም', 'የአባት ስም', 'ሙሉ ስም', 'የታካሚ ስም', 'ឈ្មោះ', 'នាមត្រកូល', 'အမည်', 'სახელი', 'გვარი', 'ຊື່', 'ນາມສະກຸນ'])],
  ['dates', new Set(['出生日期', '生日', '出生年月日', '生年月日', '誕生日', '생년월일', '생일', 'дата рождения', 'дата народження',
    'تاريخ الميلاد', 'تاريخ الولادة', 'تاریخ تولد', 'تاریخ پیدائش', 'תאריך לידה', 'जन्म तिथि', 'जन्मतिथि', 'जन्म तारीख', 'जन्म की तारीख', 'जन्म मिति',
    'জন্ম তারিখ', 'ਜਨਮ ਮਿਤੀ', 'જન્મ તારીખ', 'பிறந்த தேதி', 'วันเกิด', 'วัน/เดือน/ปีเกิด', 'ημερομηνία γέννησης', 'ծննդյան ամսաթիվ', 'የትውልድ ቀን',
    'ថ្ងៃខែឆ្នាំកំណើត', 'မွေးနေ့', 'დაბადების თარიღი'])],
  ['geographic', new Set(['地址', '住址', '家庭住址', '邮编', '郵遞區號', '住所', '郵便番号', '주소', '우편번호', 'адрес', 'почтовый индекс', '城市', '市区町村', '도시', 'город',
    'адреса', 'місто', 'العنوان', 'عنوان', 'المدينة', 'الرمز البريدي', 'نشانی', 'آدرس', 'شهر', 'کد پستی', 'پتہ', 'شہر', 'כתובת', 'עיר', 'מיקוד',
    'पता', 'शहर', 'पिन कोड', 'ঠিকানা', 'শহর', 'ਪਤਾ', 'સરનામું', 'முகவரி', 'ที่อยู่', 'จังหวัด', 'รหัสไปรษณีย์', 'διεύθυνση', 'πόλη',
    'ταχυδρομικός κώδικας', 'հասցե', 'አድራሻ'])],
  ['phone', new Set(['电话', '電話', '电话号码', '電話號碼', '手机', '手机号', '手机号码', '電話番号', '携帯電話', '전화', '전화번호', '휴대폰', '휴대폰 번호', 'телефон', 'номер телефона',
    'номер телефону', 'الهاتف', 'هاتف', 'رقم الهاتف', 'رقم الجوال', 'الجوال', 'تلفن', 'شماره تلفن', 'شماره موبایل', 'فون', 'فون نمبر', 'טלפון', 'מספר טלפון', 'נייד',
    'फ़ोन', 'फोन', 'फ़ोन नंबर', 'फोन नंबर', 'मोबाइल नंबर', 'ফোন', 'ফোন নম্বর', 'ਫ਼ੋਨ', 'ફોન', 'தொலைபேசி', 'โทรศัพท์', 'เบอร์โทรศัพท์', 'เบอร์โทร', 'τηλέφωνο',
    'κινητό', 'հեռախոս', 'ስልክ'])],
  ['email', new Set(['电子邮件', '電子郵件', '邮箱', '电子邮箱', 'メール', 'メールアドレス', '이메일', '이메일 주소', 'электронная почта', 'эл. почта', 'електронна пошта',
    'البريد الإلكتروني', 'ایمیل', 'پست الکترونیک', 'ای میل', 'דוא"ל', 'אימייל', 'דואר אלקטרוני', 'ईमेल', 'ইমেল', 'ইমেইল', 'ਈਮੇਲ', 'ઈમેલ', 'மின்னஞ்சல்', 'อีเมล',
    'ηλεκτρονικό ταχυδρομείο', 'էլ. փոստ', 'ኢሜይል'])],
  ['ssn', new Set(['社会安全号码', '社會安全號碼', '社会保障号码', '사회보장번호', 'رقم الضمان الاجتماعي', 'מספר ביטוח לאומי', 'सामाजिक सुरक्षा नंबर', 'αριθμός κοινωνικής ασφάλισης'])],
]);

/**
 * Languages' names for themselves, as a language picker or a locale file lists them
 * (`name: 中文`, `name: العربية`): no one's name.
 */
const LANGUAGE_NAMES: ReadonlySet<string> = new Set(['中文', '简体中文', '繁體中文', '繁体中文', '中文（简体）', '中文（繁體）', '汉语', '漢語', '普通话', '國語', '粵語', '廣東話', '广东话',
  '日本語', '한국어', '조선어', 'русский', 'русский язык', 'українська', 'български', 'српски', 'македонски', 'беларуская', 'қазақша', 'монгол',
  'العربية', 'عربي', 'فارسی', 'اردو', 'پښتو', 'کوردی', 'دری', 'עברית', 'ייִדיש', 'हिन्दी', 'हिंदी', 'मराठी', 'नेपाली', 'বাংলা', 'ਪੰਜਾਬੀ', 'ગુજરાતી',
  'தமிழ்', 'తెలుగు', 'ไทย', 'ภาษาไทย', 'ລາວ', 'ພາສາລາວ', 'ខ្មែរ', 'ភាសាខ្មែរ', 'မြန်မာ', 'မြန်မာဘာသာ', 'አማርኛ', 'ትግርኛ', 'ქართული', 'ελληνικά', 'հայերեն']);

/** A language's own name for itself ("العربية", "中文", "Ελληνικά"). */
export function isLanguageName(text: string): boolean {
  return LANGUAGE_NAMES.has(text.trim().toLowerCase());
}

/** A label of any kind of field in one of SCRIPT_LABELS' languages ("姓名", "생년월일"): no one's name. */
export function isScriptLabel(text: string): boolean {
  const v = labelText(text);
  if (v === null) return false;
  for (const labels of SCRIPT_LABELS.values()) if (labels.has(v)) return true;
  return false;
}

/** A label of `identifier` in one of SCRIPT_LABELS' languages, less a mark, a note in brackets or "please enter". */
function scriptLabel(identifier: Identifier, text: string): boolean {
  const labels = SCRIPT_LABELS.get(identifier);
  if (labels === undefined) return false;
  const v = labelText(text);
  return v !== null && labels.has(v);
}

/** `text` as SCRIPT_LABELS holds labels (less a mark, a note in brackets or "please enter", lower case); null for text that cannot be one. */
function labelText(text: string): string | null {
  if (text.length > 64 || /[A-Za-z0-9]/.test(text)) return null;
  return text
    .trim()
    .replace(/\s*[（(][^）)]*[）)]$/u, '')
    .replace(/[\s:：*＊]+$/u, '')
    .replace(/^(?:请输入|請輸入|请填写|請填寫|输入|入力|введите)\s*/u, '')
    .replace(/\s*(?:을|를)?\s*입력(?:하세요|해 주세요)?$/u, '')
    .replace(/を入力(?:してください)?$/u, '')
    .toLowerCase();
}

/** Does a field named for `identifier` hold data of its kind (plausible, and not its own label)? */
export function holdsData(keys: KeyTable, identifier: Identifier, text: string): boolean {
  return plausible(identifier, text) && !fieldLabel(keys, identifier, text) && !scriptLabel(identifier, text);
}

/** Records a finding of a structural detector (when the pack has it) for [start, end). */
export function structural(ctx: FormatContext, structure: Structure, identifier: Identifier, start: number, end: number): void {
  const d = ctx.scanner.structural.get(structure);
  if (d === undefined || end <= start) return;
  if (ctx.scanner.own !== null && ctx.scanner.own.has(identifier, ctx.buf.toString('utf8', start, end))) return;
  const f: Finding = { detector: d.id, identifier, start: start + ctx.base, end: end + ctx.base, confidence: d.spec.confidence.base };
  ctx.out.push(ctx.layer === undefined ? f : { ...f, layer: ctx.layer });
}

/** Where the content starts at `from`: past a UTF-8 byte order mark, if there is one. */
export function skipBom(buf: Buffer, from: number): number {
  return buf[from] === 0xef && buf[from + 1] === 0xbb && buf[from + 2] === 0xbf ? from + 3 : from;
}

/** Trims ASCII whitespace from [start, end) of buf. */
export function trimSpan(buf: Buffer, start: number, end: number): [number, number] {
  while (start < end && buf[start]! <= 0x20) start++;
  while (end > start && buf[end - 1]! <= 0x20) end--;
  return [start, end];
}
