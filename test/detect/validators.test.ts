import { describe, expect, it } from 'vitest';
import { VALIDATORS } from '../../src/detect/validators.js';

// Published valid values (CMS, ISO, ABA, card-network test numbers) and near misses.
const CASES: Record<keyof typeof VALIDATORS, { valid: string[]; invalid: string[] }> = {
  luhn: { valid: ['4111111111111111', '5555555555554444', '378282246310005', '6011111111111117'], invalid: ['4111111111111112', '1234567812345678'] },
  ssn: { valid: ['536-22-1845', '001-01-0001', '665-99-9999'], invalid: ['000-12-3456', '666-12-3456', '900-12-3456', '536-00-1845', '536-22-0000', '078-05-1120', '219-09-9999', '12345678'] },
  itin: { valid: ['912-70-1234', '900-50-0000', '999-99-9999'], invalid: ['912-49-1234', '912-89-1234', '812-70-1234'] },
  npi: { valid: ['1234567893', '1245319599', '1003000126'], invalid: ['1234567890', '3234567893', '123456789'] },
  dea: { valid: ['AB1234563', 'BJ6125341', 'F91234563'], invalid: ['AB1234567', 'ZB1234563', 'A11234563'] },
  mbi: { valid: ['1EG4-TE5-MK73', '1EG4TE5MK73', '9AA0A00AA00'], invalid: ['1SG4TE5MK73', '0EG4TE5MK73', '1EG4TE5MK7', '1EG4TE5ML73'] },
  hicn: { valid: ['536221845A', '536-22-1845B1'], invalid: ['000221845A', '536221845'] },
  aba: { valid: ['021000021', '011000015', '121000358', '026009593'], invalid: ['021000022', '000000000', '991000021'] },
  vin: { valid: ['1HGCM82633A004352', '1M8GDM9AXKP042788', 'JH4KA7561PC008269'], invalid: ['1HGCM82634A004352', '1HGCM82633A00435I', 'ABCDEFGHJKLMNPRST'] },
  gtin: { valid: ['(01)00844588003288', '00884423611407', '4006381333931'], invalid: ['(01)00844588003289', '4006381333932'] },
  nanp: { valid: ['(312) 555-0142', '312-555-0142', '+1 212 867 5309', '13125550142'], invalid: ['1-800-555-0199', '(888) 555-0142', '8335550142', '112-555-0142', '312-155-0142', '911-555-0142', '312-911-0142', '2222222222', '12345'] },
  date: { valid: ['03/14/1962', '1962-03-14', '2/29/2024', '2000-02-29', '11/30/1999', 'March 3, 2024', '14 Mar 2024', '19620314', '12/31/99', 'Sept 1st, 2020', '12 de abril de 1961', '1 de setiembre de 1999', '1961年4月12日', '1961년 4월 12일'], invalid: ['02/30/1962', '31 de abril de 1961', '12 de foo de 1961', '1961年2月30日', '13/13/2020', '1850-01-01', '2024-02-30', '2023-02-29', '1900-02-29', '04/31/1999', '11/31/1999', 'Foo 3, 2024'] },
  age89: { valid: ['93-year-old', 'aged 90', '101 yo', 'ninety-three-year-old', 'one hundred and two year old'], invalid: ['89-year-old', '45', '130 years old', 'seventy-three-year-old'] },
  ipv4: { valid: ['198.51.100.23', '10.0.0.1'], invalid: ['256.1.1.1', '0.0.0.0', '01.2.3.4', '1.2.3'] },
  'person-name': { valid: ['Maria Gonzalez', 'Robert J. Williams', 'Zqxv Smith', 'Jacobo Campos de Kanea'], invalid: ['Widget Pro', 'Maria', 'Widget de Pro', 'Lincoln Center', 'Jackson Heights'] },
  'known-full-name': { valid: ['Linda Martinez', 'James Smith', 'Rosa Hall', 'Park, Lincoln'], invalid: ['New York', 'Linda Qzxwv', 'Widget Smith', 'Lincoln Park', 'Grant Park', 'Jackson Hall'] },
  'known-full-name-lower': { valid: ['linda martinez', 'rosa garcia', 'garcia, rosa'], invalid: ['rose early', 'will young', 'may long', 'linda qzxwv', 'aracely mraz'] },
  'label-name': { valid: ['ARACELY MRAZ', 'MRAZ, ARACELY', 'Aracely Mraz', 'Mraz, Aracely J'], invalid: ['SEE CHART', 'NOT FOUND', 'Visit Date', 'NEW ADMISSION', 'Education Materials', 'DOB'] },
  'known-given-name': { valid: ['Helene Beahan', 'Ira Kuvalis', 'Kuvalis, Ira', 'Rosa Best', 'John Parent'], invalid: ['Referral Forms', 'Helene', 'Forms, Referral', 'Wesley Chapel', 'Jackson Heights', 'Washington Square', 'Russel Inc', 'Nolan Group', 'Grace Health'] },
  'addressee-name': { valid: ['Naomie Wehner', 'Jerry McDermott', "Sean O'Brien", 'Flo T. Krajcik', 'Maria de la Cruz'], invalid: ['A.', 'de la', 'Valued Patient', 'Johns Hopkins', 'Mass General', 'Kaiser Permanente', 'Front Desk', 'Springfield Radiology', 'Naomie', 'Naomie wehner', 'Jerry MCDERMOTT', 'Hi Aracely', 'Dear Naomie'] },
  'intl-phone': { valid: ['+525512345678', '+52 55 1234 5678', '+44 20 7946 0958', '+63 917 123 4567'], invalid: ['+1 312 555 0142', '+25', '+0530', '+2 1234', '+49 1234 5678 9012 3456', '+20191229111838', '+20130313'] },
  'spoken-phone': { valid: ['three one two, five five five, zero one eight eight', 'three one two five five five oh one eight eight', '312 five five five zero one double eight', 'one three one two five five five zero one four two'], invalid: ['312 555 0188', 'one two three four five six seven eight nine zero', 'three one two five five five zero one eight', 'nine one one five five five zero one eight eight'] },
  'visit-name': { valid: ['Imelda Cremin', 'Mraz, Aracely', 'Park, Jimin', 'MacGyver-Kihn, Alan', 'Xander Hills', 'Rosa Park', 'Maria Hall', 'D. Washington', 'R.Garcia', 'Rosa G.'], invalid: ['A. Team', 'Q. Review', 'S. Park', 'Mark G.', 'June R.', 'Lincoln Park', 'Oak Park', 'Grant Park', 'Maple Grove', 'Forest Hill', 'Main Street', 'Town Hall', 'Welcome Packet', 'Front Desk', 'Imelda'] },
  'known-surname': { valid: ['Garcia', 'Nguyen', 'Johnson', 'Martinez'], invalid: ['Portal', 'Education', 'Okonkwo', 'garcia', 'Rosa Garcia', 'Care'] },
  'script-name': { valid: ['王小明', '김민준', '山田 太郎', 'Иван Петров', 'محمد أحمد', 'דוד כהן', 'राहुल शर्मा', 'สมชาย ใจดี', 'Γιώργος Παπαδόπουλος'], invalid: ['姓名', '患者姓名', '이름', '생년월일', 'Имя', 'اسم المريض', 'שם מלא', 'पूरा नाम', 'ชื่อ-นามสกุล', 'Ονοματεπώνυμο', '中文', 'العربية', 'Ελληνικά', 'לא ידוע', 'لا يوجد'] },
  'greeted-name': { valid: ['Aracely', 'Rosa', 'Jerome', 'Chidinma', "D'Andre", 'Zoë', 'McKenna'], invalid: ['Team', 'Everyone', 'All', 'There', 'Folks', 'aracely', 'Rosa Garcia', 'Patient', 'A', 'ROSA', 'Hi'] },
  'given-name': { valid: ['Keisha', 'Darnell', 'Marcus', 'Jasmine'], invalid: ['June', 'Mark', 'Will', 'May', 'Today', 'Omron', 'Children', 'Chidinma', 'keisha', 'KEISHA', 'Keisha Washington'] },
  street: { valid: ['1420 Maple Avenue', '1420 MAPLE AVE APT 3', '77 N OAK ST', 'PO Box 4417', '6874 N 7TH STREET'], invalid: ['9 DAYS AGO BY DR', '1 HEAD CT', '3 Tabs By Mouth At Bedtime Dr', '2 wks ago by Dr'] },
};

describe.each(Object.entries(CASES))('validator %s', (name, { valid, invalid }) => {
  const fn = VALIDATORS[name as keyof typeof VALIDATORS];
  it.each(valid)('accepts %s', (v) => expect(fn(v)).toBe(true));
  it.each(invalid)('rejects %s', (v) => expect(fn(v)).toBe(false));
});
