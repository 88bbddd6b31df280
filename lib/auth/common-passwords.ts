/**
 * A blocklist of the most common passwords (lower-cased), including ones popular in China. Compared after
 * lower-casing, and again with punctuation removed. Extend from a vetted list when going live (docs/decisions).
 */
const LIST = `123456 123456789 12345678 password qwerty123 qwerty 1234567890 1234567 111111 123123 abc123 password1
password123 1q2w3e4r 1qaz2wsx qwertyuiop 000000 654321 666666 888888 112233 121212 123321 a123456 a1234567 a12345678
aa123456 abc12345 abcd1234 admin admin123 administrator iloveyou welcome welcome1 welcome123 letmein monkey dragon
sunshine princess football baseball master shadow superman trustno1 passw0rd p@ssw0rd p@ssword qwe123 qwe123456
zxcvbnm asdfghjkl 5201314 woaini woaini1314 woaini520 iloveyou1 wang123456 zhang123 li123456 qq123456 qwer1234
1qaz2wsx3edc q1w2e3r4 zaq12wsx test123 test1234 changeme changeme1 secret root123 toor 88888888 11111111 00000000
12341234 147258369 159357 123qwe 123abc abc123456 aaaaaa password! password1! admin@123 admin1234 jingdezhen
jingdezhen123 jdz123456 jingpiao jingpiao123 ceramics porcelain china123 beijing shanghai zhushan zhushan123
qwerty1 qwerty12 1234qwer 12qwaszx asd123 asd123456 a1b2c3d4 aa112233 q123456 q1234567 z123456 w123456`;

export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(LIST.split(/\s+/).filter(Boolean));
