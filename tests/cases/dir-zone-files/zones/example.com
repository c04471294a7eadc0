; Picked by its content: the first line that is not blank or a comment is
; an SOA record.

example.com. 3600 IN SOA ns1.example.com. hostmaster.example.com. (
                 2026010101 ; serial
                 7200 3600 1209600 300 )
     NS  ns1
     MX  10 mail
ns1  A   192.0.2.1
mail A   192.0.2.25
