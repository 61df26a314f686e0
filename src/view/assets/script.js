(function(){
var doc=document,card=doc.getElementById('card'),on=null;
doc.documentElement.classList.add('js');
if(!card)return;
var body=card.querySelector('.card-body'),link=card.querySelector('.card-link');
function hide(){card.hidden=true;if(on){on.classList.remove('on');on=null;}}
function show(m){
hide();on=m;m.classList.add('on');
body.textContent=m.getAttribute('title')||'';
var row=doc.getElementById('metric-'+m.getAttribute('data-key'));
link.hidden=!row;link.setAttribute('href',row?'#'+row.id:'#metrics');
card.hidden=false;
var r=m.getBoundingClientRect(),w=card.offsetWidth,vw=doc.documentElement.clientWidth;
card.style.top=(window.scrollY+r.bottom+6)+'px';
card.style.left=(window.scrollX+Math.max(8,Math.min(r.left,vw-w-8)))+'px';
}
doc.addEventListener('click',function(e){
var m=e.target.closest&&e.target.closest('mark.fig');
if(m){e.preventDefault();if(m===on){hide();}else{show(m);}return;}
if(!card.contains(e.target))hide();
if(e.target===link)hide();
});
doc.addEventListener('keydown',function(e){
if(e.key==='Escape')hide();
if(e.key==='Enter'&&e.target.closest&&e.target.closest('mark.fig')){e.preventDefault();show(e.target.closest('mark.fig'));}
});
})();
